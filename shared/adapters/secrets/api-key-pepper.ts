import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { z } from 'zod';
import type { ApiKeyPepper } from '#domain/access/ports.ts';
import type { ApiKeyPepperConfig } from '#lib/function-config.ts';

/** As the config demands of an environment pepper: short peppers are guessable. */
const MIN_PEPPER_BYTES = 32;
const CACHE_SECONDS = 300;

/** In AWS: one Secrets Manager secret, cached for five minutes per instance. */
export class SecretsManagerApiKeyPepper implements ApiKeyPepper {
  constructor(private readonly secretId: string) {}

  async pepper(): Promise<Buffer> {
    // Fails closed: a missing, empty or short secret is an error (the request fails), never an
    // empty key that would make every hash computable from the table alone.
    const value = await getSecret(this.secretId, { maxAge: CACHE_SECONDS });
    return checked(typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value ?? []));
  }
}

/** Locally and in the CLI: the pepper given in the environment. */
export function fixedApiKeyPepper(value: string): ApiKeyPepper {
  const pepper = checked(Buffer.from(value, 'utf8'));
  return { pepper: async () => pepper };
}

function checked(pepper: Buffer): Buffer {
  if (pepper.length < MIN_PEPPER_BYTES)
    throw new Error(`the API-key pepper must be at least ${MIN_PEPPER_BYTES} bytes`);
  return pepper;
}

/** Secrets Manager in AWS, the environment locally (API_KEY_PEPPER_SOURCE). */
export function apiKeyPepperFrom(config: z.infer<typeof ApiKeyPepperConfig>): ApiKeyPepper {
  return config.API_KEY_PEPPER_SOURCE === 'secretsmanager'
    ? new SecretsManagerApiKeyPepper(config.API_KEY_PEPPER_SECRET_ID)
    : fixedApiKeyPepper(config.API_KEY_PEPPER);
}
