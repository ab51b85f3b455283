import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { TableKnownOrgs } from '#adapters/dynamodb/known-orgs.ts';
import { DirectoryRawMailStore } from '#adapters/mail/directory-raw-mail-store.ts';
import { MailparserMailParser } from '#adapters/mail/mailparser-mail-parser.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { type AttachmentLimits, MAX_INBOUND_MESSAGE_BYTES, UNVERIFIED } from '#domain/emails/inbound-mail.ts';
import { systemClock } from '#platform/clock.ts';
import { logger } from '#platform/observability.ts';
import { type InboundMailDeps, inboundOrgOf, receiveInboundMail } from '#usecases/receive-inbound-mail.ts';

/** The domain of the orgs' inbound addresses locally: mail to `demo@inbound.localhost` is org demo's. */
export const LOCAL_INBOUND_DOMAIN = 'inbound.localhost';
/** No authentication: the listener is reachable from this machine only. */
const LOOPBACK = '127.0.0.1';

export interface SmtpListenerOptions {
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** The table and classify queue the functions use (the emulators'). */
  readonly tableName: string;
  readonly classifyQueueUrl: string;
  /** Raw mail goes under `<dataDir>/mail`; without one, a temporary directory removed on stop. */
  readonly dataDir?: string;
  readonly maxMessageBytes?: number;
  readonly attachmentLimits?: AttachmentLimits;
}

export interface SmtpListener {
  readonly host: string;
  readonly port: number;
  /** Where raw mail is kept. */
  readonly mailDir: string;
  stop(): Promise<void>;
}

/**
 * The local stand-in for SES receiving: an SMTP server on 127.0.0.1 that takes mail for
 * `<orgId>@inbound.localhost` and hands it to the same use case, with the same stores and queue,
 * as the functions use. An address of another domain or of no org is refused at RCPT (550); a
 * message over the limit is refused before and while it is sent (552). Verdicts are `none`.
 */
export async function startSmtpListener(opts: SmtpListenerOptions): Promise<SmtpListener> {
  const temporary = opts.dataDir ? undefined : await mkdtemp(join(tmpdir(), 'aictive-mail-'));
  const mailDir = opts.dataDir ? join(opts.dataDir, 'mail') : (temporary as string);
  const maxBytes = opts.maxMessageBytes ?? MAX_INBOUND_MESSAGE_BYTES;
  const deps: InboundMailDeps = {
    emails: new DynamoEmailStore(opts.tableName),
    queue: new SqsWorkQueue({ classify: opts.classifyQueueUrl }),
    clock: systemClock,
    parser: new MailparserMailParser(),
    rawMail: new DirectoryRawMailStore(mailDir),
    orgs: new TableKnownOrgs(opts.tableName),
    inboundDomain: LOCAL_INBOUND_DOMAIN,
    ...(opts.attachmentLimits ? { attachmentLimits: opts.attachmentLimits } : {}),
  };

  const server = new SMTPServer({
    name: LOCAL_INBOUND_DOMAIN,
    banner: 'Aictive inbound mail (local)',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    // Advertised in EHLO, so a client is told the limit before it sends (MAIL FROM SIZE=…).
    size: maxBytes,
    logger: false,
    closeTimeout: 1_000,
    onRcptTo(address, _session, callback) {
      inboundOrgOf(deps, address.address).then(
        (orgId) =>
          callback(
            orgId
              ? undefined
              : smtpError(
                  550,
                  `5.1.1 <${address.address}>: no such mailbox (mail goes to <org id>@${LOCAL_INBOUND_DOMAIN})`,
                ),
          ),
        (error: unknown) => {
          logger.error('inbound recipient check failed', { error });
          callback(smtpError(451, '4.3.0 temporary failure, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      readMessage(stream, maxBytes).then(
        (raw) => {
          if (!raw) {
            callback(smtpError(552, `5.3.4 message exceeds the maximum size of ${maxBytes} bytes`));
            return;
          }
          deliver(deps, raw, session).then(callback, (error: unknown) => {
            // The sender keeps the message and tries again: nothing is lost to a passing fault.
            logger.error('inbound mail failed', { error });
            callback(smtpError(451, '4.3.0 temporary failure, try again later'));
          });
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  server.on('error', (error) => logger.error('smtp listener error', { error }));

  const removeTemporary = async () => {
    if (temporary) await rm(temporary, { recursive: true, force: true });
  };
  await listen(server, opts.port).catch(async (error: unknown) => {
    await removeTemporary();
    throw error;
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    host: LOOPBACK,
    port,
    mailDir,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await removeTemporary();
    },
  };
}

function listen(server: SMTPServer, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `the inbound mail port ${LOOPBACK}:${port} is in use: set SMTP_PORT to another (0 picks a free one)`,
            )
          : error,
      );
    server.server.once('error', failed);
    server.listen(port, LOOPBACK, () => {
      server.server.off('error', failed);
      resolve();
    });
  });
}

/** The message's bytes; undefined when it is over `maxBytes` (read to the end, but not kept). */
async function readMessage(
  stream: Readable & { sizeExceeded?: boolean },
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return size > maxBytes || stream.sizeExceeded ? undefined : Buffer.concat(chunks);
}

/** Undefined when the message is kept, else the SMTP error that refuses it. */
async function deliver(
  deps: InboundMailDeps,
  raw: Uint8Array,
  session: SMTPServerSession,
): Promise<Error | undefined> {
  const { mailFrom, rcptTo } = session.envelope;
  const outcome = await receiveInboundMail(deps, {
    raw,
    recipients: rcptTo.map((recipient) => recipient.address),
    ...(mailFrom ? { envelopeFrom: mailFrom.address } : {}),
    verdicts: UNVERIFIED,
  });
  if (outcome.kind === 'unknown_recipient') return smtpError(550, '5.1.1 no recipient is an org here');
  if (outcome.kind === 'no_sender') return smtpError(550, '5.1.7 the message names no sender');
  return undefined;
}

function smtpError(responseCode: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode });
}
