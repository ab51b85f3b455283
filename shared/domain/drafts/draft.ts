import { z } from 'zod';
import {
  DRAFT_ENGINES,
  DRAFT_STATUSES,
  FINDING_SEVERITIES,
  FINDING_SOURCES,
  LANGUAGE,
} from '#vocabulary/triage.ts';
import type { EntityKind } from '../rentvine/event-types.ts';
import { RoleName, TriageUsage } from '../triage/triage.ts';

/**
 * A reply the platform proposes for one message. Nothing is ever sent from here: a person
 * approves (possibly editing) or rejects it through the API, and who, when and the final text
 * are recorded with it.
 */

/** The synced record a stated fact comes from. */
export const RecordCitation = z.object({
  kind: z.enum(['property', 'unit', 'contact', 'lease', 'lease_charge', 'work_order'] satisfies EntityKind[]),
  id: z.string().min(1).max(100),
});
export type RecordCitation = z.infer<typeof RecordCitation>;

/**
 * A fact about the sender's lease, balance or work order, read from the org's synced records.
 * A draft may state a fact only from one of these, and cites it.
 */
export const GroundedFact = z.object({
  /** What the fact is about, e.g. `lease_end`, `balance`, `work_order_status`. */
  topic: z.string().min(1).max(60),
  /** The fact as a sentence a draft can use. */
  statement: z.string().min(1).max(300),
  citation: RecordCitation,
  /**
   * The value the fact states, as the record holds it (`2027-06-30`, `1180.5`, `open`), so a
   * draft in another language can state the same fact.
   */
  value: z.string().min(1).max(100).optional(),
});
export type GroundedFact = z.infer<typeof GroundedFact>;

export const ComplianceFinding = z.object({
  /** A stable rule id, e.g. `fair_housing.familial_status`, `state.TX.late_fee_cap`. */
  rule: z.string().min(1).max(100),
  severity: z.enum(FINDING_SEVERITIES),
  /** The words in the draft that raised it. */
  excerpt: z.string().max(300),
  suggestion: z.string().max(500),
  source: z.enum(FINDING_SOURCES),
});
export type ComplianceFinding = z.infer<typeof ComplianceFinding>;

export const DraftDecision = z.object({
  action: z.enum(['approved', 'rejected']),
  /** The key (and its person, when the key names one) that decided. */
  by: z.object({ keyId: z.string().min(1), agentId: z.string().optional() }),
  at: z.iso.datetime(),
  /** The text approved for sending (the draft's, or the approver's edit). */
  finalText: z.string().max(20_000).optional(),
  reason: z.string().max(1000).optional(),
});
export type DraftDecision = z.infer<typeof DraftDecision>;

export const ReplyDraft = z.object({
  /** The whole reply as it would be sent: safety preamble, body, AI disclosure. */
  text: z.string().min(1).max(20_000),
  language: z.string().regex(LANGUAGE),
  /** Whose voice it is written in: the role the message was routed to. */
  role: RoleName,
  engine: z.enum(DRAFT_ENGINES),
  status: z.enum(DRAFT_STATUSES),
  /** Fixed safety instructions from the data file, when the message is an emergency. */
  safetyPreamble: z.string().max(4000).optional(),
  /** The AI-assistance disclosure, when the org's state requires one. */
  disclosure: z.string().max(500).optional(),
  /** The troubleshooting steps the reply offers (their title): a routine repair waits for the resident's answer first. */
  troubleshooting: z.string().max(200).optional(),
  citations: z.array(GroundedFact).max(20),
  findings: z.array(ComplianceFinding).max(50),
  createdAt: z.iso.datetime(),
  decision: DraftDecision.optional(),
  usage: TriageUsage.optional(),
});
export type ReplyDraft = z.infer<typeof ReplyDraft>;
