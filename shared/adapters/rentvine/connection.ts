import { z } from 'zod';
import { RENTVINE_ACCOUNT } from '#domain/orgs/org-settings.ts';

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

/** The connection a stored one describes, the org's account setting filling in the base; undefined without a base. */
export function connectionOf(
  stored: StoredRentvineConnection,
  settingAccount: string | undefined,
): RentvineConnection | undefined {
  const account = stored.account ?? settingAccount;
  const baseUrl = stored.baseUrl ?? (account ? accountBaseUrl(account) : undefined);
  if (!baseUrl) return undefined;
  return { baseUrl: baseUrl.replace(/\/+$/, ''), accessKey: stored.accessKey, secret: stored.secret };
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
