import { signWebhook } from '#platform/security/webhook-signature.ts';
import { readStdin, UsageError } from './io.ts';

/**
 * `aictive sign-webhook --secret S [--timestamp T] [--json]`: signs the body on stdin as
 * Rentvine would and prints the two headers (`Name: value` lines, or one JSON object).
 */
export async function signWebhookCommand(options: {
  secret?: string;
  timestamp?: string;
  json: boolean;
}): Promise<number> {
  const secret = options.secret ?? process.env.AICTIVE_DEV_WEBHOOK_SECRET;
  if (!secret) throw new UsageError('--secret is required (or set AICTIVE_DEV_WEBHOOK_SECRET)');
  if (options.timestamp !== undefined && !/^\d{1,12}$/.test(options.timestamp)) {
    throw new UsageError('--timestamp must be unix seconds');
  }
  const timestamp =
    options.timestamp === undefined ? Math.floor(Date.now() / 1000) : Number(options.timestamp);
  const headers = signWebhook(secret, await readStdin(), timestamp);
  process.stdout.write(
    options.json
      ? `${JSON.stringify(headers)}\n`
      : `${Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}`)
          .join('\n')}\n`,
  );
  return 0;
}
