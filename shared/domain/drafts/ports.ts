/** Ports of reply drafting. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { DraftLanguage } from '#vocabulary/triage.ts';
import type { Triage, TriageUsage } from '../triage/triage.ts';
import type { ComplianceFinding, GroundedFact } from './draft.ts';

/** What a drafter is given: the message (untrusted), what triage decided, and the only facts it may state. */
export interface DraftRequest {
  readonly message: { readonly from: string; readonly subject: string; readonly text: string };
  readonly triage: Triage;
  readonly language: DraftLanguage;
  readonly facts: readonly GroundedFact[];
  /** The org's state or province (ISO 3166-2, e.g. `US-TX`), when set. */
  readonly region?: string;
  readonly orgName?: string;
}

/** The body of a reply, before the fixed safety preamble and disclosure are put around it. */
export interface DraftBody {
  readonly text: string;
  readonly engine: 'claude' | 'template';
  /** The facts the body states, each from `DraftRequest.facts`. */
  readonly cited: readonly GroundedFact[];
  readonly usage?: TriageUsage;
  /** Why the templates answered when Claude was asked (its failure reason, safe to store). */
  readonly fallbackReason?: string;
}

/** Port: writes a reply body (Claude, or templates from data files). */
export interface ReplyDrafter {
  draft(request: DraftRequest): Promise<DraftBody>;
}

export interface ComplianceContext {
  readonly language: DraftLanguage;
  readonly region?: string;
  readonly category: Triage['category'];
  /** The message the draft answers (untrusted): a second reviewer reads the draft against it. */
  readonly message?: { readonly subject: string; readonly text: string };
  /** The lease's monthly rent, when synced: late-fee caps in dollars depend on it. */
  readonly monthlyRent?: number;
  /**
   * The drafter's body alone, when the text reviewed also holds fixed parts (safety instructions,
   * greeting, signature, AI disclosure): a second model reviewer reads only this, so it can never
   * block a draft over words no model wrote; the rule tables still read the whole text.
   */
  readonly draftBody?: string;
}

/** Port: reviews a draft's text (the rule tables, or a second model review) and names what is wrong. */
export interface ComplianceReviewer {
  review(text: string, context: ComplianceContext): Promise<ComplianceFinding[]>;
}

/** Who a message is about, as far as the org's synced records can tell. */
export interface GroundingQuery {
  readonly orgId: string;
  /** The sender's address: matched against tenants' synced emails. */
  readonly from: string;
  readonly propertyId?: string;
  readonly leaseId?: string;
}

/** Port: the facts the org's synced Rentvine records hold about a message's sender and lease. */
export interface GroundingSource {
  factsFor(query: GroundingQuery): Promise<GroundedFact[]>;
}
