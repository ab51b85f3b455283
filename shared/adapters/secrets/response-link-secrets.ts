import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { z } from 'zod';
import type { ResponseLinkSecretConfig } from '#lib/function-config.ts';
import { MIN_RESPONSE_LINK_SECRET_LENGTH } from '#platform/security/response-links.ts';

const CACHE_SECONDS = 300;

/** The secrets links are verified with, current first (the use case's `ResponseLinkSecrets`). */
export interface ResponseLinkSecrets {
  secrets(): Promise<readonly string[]>;
}

/** In AWS: the Secrets Manager secret, cached for five minutes per instance. */
export class SecretsManagerResponseLinkSecrets implements ResponseLinkSecrets {
  constructor(private readonly secretId: string) {}

  async secrets(): Promise<readonly string[]> {
    // Fails closed: a missing or short secret fails the request, never verifies with an empty key.
    const value = await getSecret(this.secretId, { maxAge: CACHE_SECONDS });
    return [checked(typeof value === 'string' ? value : Buffer.from(value ?? []).toString('utf8'))];
  }
}

/** Locally: the value given in the environment. */
export function fixedResponseLinkSecrets(value: string): ResponseLinkSecrets {
  const secret = checked(value);
  return { secrets: async () => [secret] };
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
): ResponseLinkSecrets {
  return config.RESPONSE_LINK_SECRET_SOURCE === 'secretsmanager'
    ? new SecretsManagerResponseLinkSecrets(config.RESPONSE_LINK_SECRET_ID)
    : fixedResponseLinkSecrets(config.RESPONSE_LINK_SECRET);
}
