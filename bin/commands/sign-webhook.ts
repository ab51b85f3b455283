import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { DEFAULT_BODY_SIGNATURE_ALGORITHM, signedBody } from '#platform/security/rentvine-body-signature.ts';
import { STANDARD_WEBHOOK_SECRET } from '#platform/security/standard-webhooks.ts';
import { signWebhook } from '#platform/security/webhook-signature.ts';
import { InputError, readStdin, UsageError } from './io.ts';

const SCHEMES = ['header', 'body', 'standard'] as const;
type Scheme = (typeof SCHEMES)[number];

/**
 * `aictive sign-webhook --secret S [--scheme header|body|standard] [--timestamp T] [--id ID] [--json]`
 * signs the body on stdin the way each sender would:
 * - header (default): our own `X-RentVine-Signature` and `X-RentVine-Timestamp` headers (for senders other than Rentvine);
 * - body: Rentvine's `auth: {signature, token, timestamp}` under the default reading, printed as the body to send;
 * - standard: Standard Webhooks headers for an integration (`whsec_…` secret).
 */
export async function signWebhookCommand(options: {
  secret?: string;
  scheme?: string;
  timestamp?: string;
  id?: string;
  json: boolean;
}): Promise<number> {
  const scheme = (options.scheme ?? 'header') as Scheme;
  if (!SCHEMES.includes(scheme)) throw new UsageError(`--scheme must be one of: ${SCHEMES.join(', ')}`);
  const secret =
    options.secret ??
    (scheme === 'standard'
      ? process.env.AICTIVE_DEV_INTEGRATION_SECRET
      : process.env.AICTIVE_DEV_WEBHOOK_SECRET);
  if (!secret) {
    const variable = scheme === 'standard' ? 'AICTIVE_DEV_INTEGRATION_SECRET' : 'AICTIVE_DEV_WEBHOOK_SECRET';
    throw new UsageError(`--secret is required (or set ${variable})`);
  }
  if (options.timestamp !== undefined && !/^\d{1,12}$/.test(options.timestamp)) {
    throw new UsageError('--timestamp must be unix seconds');
  }
  const timestamp =
    options.timestamp === undefined ? Math.floor(Date.now() / 1000) : Number(options.timestamp);
  const body = await readStdin();

  if (scheme === 'body') {
    const token = randomBytes(16).toString('hex');
    const signed = signedBody(secret, DEFAULT_BODY_SIGNATURE_ALGORITHM, parseObject(body), {
      timestamp,
      token,
    });
    process.stdout.write(`${signed}\n`);
    return 0;
  }
  const headers =
    scheme === 'header'
      ? signWebhook(secret, body, timestamp)
      : standardHeaders(secret, body, timestamp, options.id);
  process.stdout.write(
    options.json
      ? `${JSON.stringify(headers)}\n`
      : `${Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}`)
          .join('\n')}\n`,
  );
  return 0;
}

function standardHeaders(
  secret: string,
  body: Buffer,
  timestamp: number,
  id?: string,
): Record<string, string> {
  if (!STANDARD_WEBHOOK_SECRET.test(secret))
    throw new UsageError('--secret must be a whsec_… secret for --scheme standard');
  const messageId = id ?? `msg_${randomBytes(12).toString('hex')}`;
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': new Webhook(secret).sign(
      messageId,
      new Date(timestamp * 1000),
      body.toString('utf8'),
    ),
  };
}

function parseObject(body: Buffer): Record<string, unknown> {
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new InputError('--scheme body needs a JSON object on stdin');
}
