import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { WebhookSecretsConfig } from '#lib/function-config.ts';
import { ConfigError, nonEmpty, readConfig } from '#platform/config.ts';

const TableConfig = z.object({ TABLE_NAME: nonEmpty });

describe('readConfig', () => {
  it('returns the validated values', () => {
    expect(readConfig(TableConfig, { TABLE_NAME: 'main' })).toEqual({ TABLE_NAME: 'main' });
  });

  it('fails fast with one line per missing or invalid variable', () => {
    const schema = z.object({
      ...TableConfig.shape,
      EVENTS_QUEUE_URL: z.url(),
      PORT: z.coerce.number().check(z.int()),
    });
    try {
      readConfig(schema, { EVENTS_QUEUE_URL: 'not a url', PORT: 'abc' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems).toEqual([
        'TABLE_NAME: missing',
        expect.stringMatching(/^EVENTS_QUEUE_URL: /),
        expect.stringMatching(/^PORT: /),
      ]);
    }
  });

  it('requires the prefix only when the secrets live in Secrets Manager', () => {
    expect(readConfig(WebhookSecretsConfig, { WEBHOOK_SECRETS_SOURCE: 'table' })).toEqual({
      WEBHOOK_SECRETS_SOURCE: 'table',
    });
    expect(() => readConfig(WebhookSecretsConfig, { WEBHOOK_SECRETS_SOURCE: 'secretsmanager' })).toThrow(
      ConfigError,
    );
  });
});
