import { z } from 'zod';
import { RENTVINE_ACCOUNT } from '#domain/orgs/org-settings.ts';
import { RentvineError } from '#domain/rentvine/ports.ts';

/**
 * How the platform reaches one org's Rentvine account: the API's base URL and the API key pair
 * (HTTP Basic, access key as user, secret as password). The pair never leaves this adapter: no
 * log line, error message or snapshot carries it.
 */
export interface RentvineConnection {
  readonly baseUrl: string;
  readonly accessKey: string;
  readonly secret: string;
}

/** `https://{account}.rentvine.com/api/manager`: the customer's subdomain, no version in the path. */
export function accountBaseUrl(account: string): string {
  return `https://${account}.rentvine.com/api/manager`;
}

/**
 * What is stored per org (a Secrets Manager secret in AWS, a table row locally): the key pair and
 * either the account subdomain or a whole base URL (the simulator, tests). With neither, the
 * org's `rentvineAccount` setting names the account.
 */
export const StoredRentvineConnection = z.object({
  account: z.string().regex(RENTVINE_ACCOUNT).optional(),
  baseUrl: z.url({ protocol: /^https?$/ }).optional(),
  accessKey: z.string().min(1).max(500),
  secret: z.string().min(1).max(500),
});
export type StoredRentvineConnection = z.infer<typeof StoredRentvineConnection>;

/** The simulator and tests listen here: plain http never leaves the machine. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Refuses a base URL that would send the Basic credentials in clear text: https, or plain http to
 * loopback only (the simulator, tests). The error names the rule, never the URL's credentials.
 */
export function requireSecureBaseUrl(baseUrl: string): string {
  const url = URL.parse(baseUrl);
  const secure =
    url !== null &&
    (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)));
  if (!secure)
    throw new RentvineError(
      'rejected',
      'the Rentvine base URL must be https (plain http only to 127.0.0.1, localhost or [::1]): Basic credentials never travel in clear text',
      { baseUrl: ['must be https, or http to loopback'] },
    );
  return baseUrl;
}

/**
 * The connection a stored one describes, the org's account setting filling in the base; undefined
 * without a base. A base URL that is not https (loopback aside) is refused: `rejected`.
 */
export function connectionOf(
  stored: StoredRentvineConnection,
  settingAccount: string | undefined,
): RentvineConnection | undefined {
  const account = stored.account ?? settingAccount;
  const baseUrl = stored.baseUrl ?? (account ? accountBaseUrl(account) : undefined);
  if (!baseUrl) return undefined;
  return {
    baseUrl: requireSecureBaseUrl(baseUrl).replace(/\/+$/, ''),
    accessKey: stored.accessKey,
    secret: stored.secret,
  };
}

/** Where the orgs' stored connections are kept (Secrets Manager in AWS, the table or environment locally). */
export interface RentvineConnectionSource {
  /** The org's stored connection; undefined when it has none. */
  connectionFor(orgId: string): Promise<StoredRentvineConnection | undefined>;
  /** The orgs with a stored connection. */
  orgs(): Promise<readonly string[]>;
}

/**
 * Rentvine's expiring demo accounts (`demopm{N}.rentvine.com`): shared, and not ours to write to
 * unless a test says so explicitly.
 */
export function isDemoAccount(baseUrl: string): boolean {
  return /^demopm\d+\.rentvine\.com$/i.test(new URL(baseUrl).hostname);
}
