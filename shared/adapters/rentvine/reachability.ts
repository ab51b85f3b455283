import type { RentvineFailure } from '#domain/rentvine/ports.ts';
import { toRentvineError } from './failures.ts';
import { PROBE_PATH, type RentvineSessions } from './sessions.ts';

export type OrgReachability = 'ok' | RentvineFailure | 'no_account';

export interface ReachabilityOptions {
  /** How long one org's probe answers every readiness request, so readiness cannot hammer Rentvine. */
  readonly cacheMs: number;
  /** Orgs probed per readiness request at most; the rest are reported as not checked. */
  readonly maxOrgs: number;
}

/**
 * Whether each connected org's Rentvine account answers with its credentials: one cheap
 * authenticated read per org, its result (failure included) cached for a while.
 */
export class RentvineReachability {
  private readonly cache = new Map<string, { until: number; outcome: Promise<OrgReachability> }>();

  constructor(
    private readonly sessions: RentvineSessions,
    private readonly options: ReachabilityOptions = { cacheMs: 60_000, maxOrgs: 50 },
  ) {}

  async check(): Promise<{
    readonly orgs: number;
    readonly probed: Readonly<Record<string, OrgReachability>>;
  }> {
    const orgs = await this.sessions.connectedOrgs();
    const probed = orgs.slice(0, this.options.maxOrgs);
    const outcomes = await Promise.all(
      probed.map(async (orgId) => [orgId, await this.probe(orgId)] as const),
    );
    return { orgs: orgs.length, probed: Object.fromEntries(outcomes) };
  }

  private probe(orgId: string): Promise<OrgReachability> {
    const cached = this.cache.get(orgId);
    if (cached && cached.until > Date.now()) return cached.outcome;
    const outcome = this.probeNow(orgId);
    this.cache.set(orgId, { until: Date.now() + this.options.cacheMs, outcome });
    return outcome;
  }

  private async probeNow(orgId: string): Promise<OrgReachability> {
    try {
      const session = await this.sessions.session(orgId);
      if (!session) return 'no_account';
      await session.get(PROBE_PATH);
      return 'ok';
    } catch (error) {
      return toRentvineError(error).failure;
    }
  }
}
