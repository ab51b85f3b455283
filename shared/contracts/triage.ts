import { z } from 'zod';
import { ROLE_NAMES } from '#vocabulary/access.ts';
import { CATEGORIES, ENGINES, URGENCIES } from '#vocabulary/classification.ts';
import {
  DRAFT_ENGINES,
  DRAFT_STATUSES,
  FINDING_SEVERITIES,
  FINDING_SOURCES,
  ISSUE_TYPES,
  NEEDS_HUMAN_REASONS,
  SAFETY_FLAGS,
  SENTIMENTS,
  SUGGESTED_ACTIONS,
} from '#vocabulary/triage.ts';

const Usage = z
  .object({
    inputTokens: z.number().int().min(0),
    outputTokens: z.number().int().min(0),
    cacheReadTokens: z.number().int().min(0),
  })
  .meta({ id: 'ModelUsage', description: 'Tokens a model call consumed' });

/** What the platform understood about a message, and which engine decided it. */
export const TriageView = z
  .object({
    category: z.enum(CATEGORIES),
    urgency: z
      .enum(URGENCIES)
      .meta({ description: '`emergency` exactly when the category is `maintenance_emergency`' }),
    confidence: z.number().min(0).max(1),
    sentiment: z.enum(SENTIMENTS),
    language: z.string().meta({ description: 'ISO 639-1 code of the message’s language' }),
    summary: z.string(),
    entities: z.object({
      people: z.array(z.string()),
      unit: z.string().optional(),
      address: z.string().optional(),
      phones: z.array(z.string()),
      amounts: z.array(z.string()),
      dates: z.array(z.string()),
    }),
    maintenance: z
      .object({
        issueType: z.enum(ISSUE_TYPES),
        location: z.string().optional(),
        safetyFlags: z.array(z.enum(SAFETY_FLAGS)),
      })
      .optional(),
    routeTo: z.enum(ROLE_NAMES).meta({ description: 'The role that acts first' }),
    suggestedActions: z.array(z.enum(SUGGESTED_ACTIONS)),
    needsHuman: z.boolean(),
    needsHumanReasons: z.array(z.enum(NEEDS_HUMAN_REASONS)),
    engine: z.enum(ENGINES),
    reasons: z.array(z.string()).meta({ description: 'Matched rules, or the model’s rationale' }),
    model: z.string().optional().meta({ description: 'The model id, when the engine is `claude`' }),
    fallbackReason: z
      .string()
      .optional()
      .meta({ description: 'Why the rules answered although Claude is configured' }),
    usage: Usage.optional(),
  })
  .meta({ id: 'Triage' });
export type TriageView = z.infer<typeof TriageView>;

export const FindingView = z
  .object({
    rule: z.string(),
    severity: z.enum(FINDING_SEVERITIES).meta({ description: '`blocking` holds the draft for a person' }),
    excerpt: z.string(),
    suggestion: z.string(),
    source: z.enum(FINDING_SOURCES),
  })
  .meta({ id: 'ComplianceFinding' });

/** A reply proposed for a person's approval: never sent by the platform on its own. */
export const DraftView = z
  .object({
    text: z.string(),
    language: z.string(),
    role: z.enum(ROLE_NAMES).meta({ description: 'Whose voice it is written in' }),
    engine: z.enum(DRAFT_ENGINES),
    status: z.enum(DRAFT_STATUSES),
    safetyPreamble: z.string().optional(),
    disclosure: z.string().optional(),
    citations: z
      .array(
        z.object({
          topic: z.string(),
          statement: z.string(),
          citation: z.object({ kind: z.string(), id: z.string() }),
        }),
      )
      .meta({ description: 'The facts it states, each with the synced record it comes from' }),
    findings: z.array(FindingView),
    createdAt: z.iso.datetime(),
    decision: z
      .object({
        action: z.enum(['approved', 'rejected']),
        by: z.object({ keyId: z.string(), agentId: z.string().optional() }),
        at: z.iso.datetime(),
        finalText: z.string().optional().meta({ description: 'The text approved for sending' }),
        reason: z.string().optional(),
      })
      .optional(),
    usage: Usage.optional(),
  })
  .meta({ id: 'ReplyDraft' });
export type DraftView = z.infer<typeof DraftView>;
