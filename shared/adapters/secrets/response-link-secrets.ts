import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { z } from 'zod';
import type { ResponseLinkSecretConfig } from '#lib/function-config.ts';
import { MIN_RESPONSE_LINK_SECRET_LENGTH } from '#platform/security/response-links.ts';

const CACHE_SECONDS = 300;

/**
 * The secret response links are signed and read with. `current` signs (the workflow function
 * issuing links); `secrets` verifies, the current one first, then any earlier one still honoured
 * (the api function reading them: the use case's `ResponseLinkSecrets`). Both are plain
 * functions, safe to pass on unbound.
 */
export interface ResponseLinkSecretSource {
  readonly current: () => Promise<string>;
  readonly secrets: () => Promise<readonly string[]>;
}

/** In AWS: the Secrets Manager secret, cached for five minutes per instance. */
export function secretsManagerResponseLinkSecrets(secretId: string): ResponseLinkSecretSource {
  const current = async () => {
    // Fails closed: a missing or short secret fails the request, never signs or verifies with an empty key.
    const value = await getSecret(secretId, { maxAge: CACHE_SECONDS });
    return checked(typeof value === 'string' ? value : Buffer.from(value ?? []).toString('utf8'));
  };
  return { current, secrets: async () => [await current()] };
}

/** Locally: the value given in the environment. */
export function fixedResponseLinkSecrets(value: string): ResponseLinkSecretSource {
  const secret = checked(value);
  return { current: async () => secret, secrets: async () => [secret] };
}

function checked(secret: string): string {
  if (secret.length < MIN_RESPONSE_LINK_SECRET_LENGTH)
    throw new Error(
      `the response link secret must be at least ${MIN_RESPONSE_LINK_SECRET_LENGTH} characters`,
    );
  return secret;
}

/** Secrets Manager in AWS, the environment locally (RESPONSE_LINK_SECRET_SOURCE). */
export function responseLinkSecretsFrom(
  config: z.infer<typeof ResponseLinkSecretConfig>,
): ResponseLinkSecretSource {
  return config.RESPONSE_LINK_SECRET_SOURCE === 'secretsmanager'
    ? secretsManagerResponseLinkSecrets(config.RESPONSE_LINK_SECRET_ID)
    : fixedResponseLinkSecrets(config.RESPONSE_LINK_SECRET);
}
