import type { OrgSettingsStore } from '#domain/orgs/ports.ts';
import { connectionOf, type RentvineConnectionSource } from './connection.ts';
import { type CallRunner, RentvineHttp } from './http.ts';

/** The cheapest authenticated read: the account's work-order statuses (a short list). */
export const PROBE_PATH = '/maintenance/work-order/statuses';

/**
 * Opens HTTP sessions with orgs' Rentvine accounts: finds the org's stored connection (the org's
 * `rentvineAccount` setting names the account when the connection does not) and runs every
 * exchange through one runner, keyed by the org.
 */
export class RentvineSessions {
  constructor(
    private readonly source: RentvineConnectionSource,
    private readonly orgSettings: Pick<OrgSettingsStore, 'get'>,
    private readonly runner: CallRunner,
  ) {}

  /** The org's session; undefined when it has no connection, or one that names no account. */
  async session(orgId: string): Promise<RentvineHttp | undefined> {
    const stored = await this.source.connectionFor(orgId);
    if (!stored) return undefined;
    const account =
      stored.account || stored.baseUrl ? undefined : (await this.orgSettings.get(orgId)).rentvineAccount;
    const connection = connectionOf(stored, account);
    return connection ? new RentvineHttp(orgId, connection, this.runner) : undefined;
  }

  connectedOrgs(): Promise<readonly string[]> {
    return this.source.orgs();
  }
}
