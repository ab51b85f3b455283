import { z } from 'zod';
import { AGENT_ID } from '#vocabulary/access.ts';
import { AUDIT_ACTIONS } from '#vocabulary/desk.ts';
import { RESPONSE_LINK_PURPOSES } from '#vocabulary/workflows.ts';
import { IsoInstant } from './iso-instant.ts';
import { NextCursor, PageQuery } from './paging.ts';

const AuditAction = z.enum(AUDIT_ACTIONS).meta({ description: 'What was done: a stable name' });

export const AuditListQuery = z.strictObject({
  since: IsoInstant.transform((since) => new Date(since).toISOString())
    .optional()
    .meta({ description: 'Only lines at or after this instant' }),
  actor: z
    .string()
    .regex(AGENT_ID, 'expected an agent id, a key id, a link id or a vendor id')
    .optional()
    .meta({
      description:
        'Only lines by this person (`agentId`), this key (`keyId`), this response link (`linkId`) or the vendor a link was sent to (`recipient`)',
    }),
  action: AuditAction.optional(),
  ...PageQuery,
});

export const AuditLineView = z
  .object({
    auditId: z.string(),
    at: z.string(),
    action: AuditAction,
    actor: z.union([
      z.object({ kind: z.literal('key'), keyId: z.string(), agentId: z.string().optional() }),
      z.object({ kind: z.literal('system'), name: z.string() }),
      z
        .object({
          kind: z.literal('link'),
          purpose: z.enum(RESPONSE_LINK_PURPOSES),
          linkId: z.string(),
          recipient: z.string().optional(),
        })
        .meta({
          description:
            'An owner or vendor answering through a signed response link: the link’s id (a hash, never the link) and the vendor it was sent to',
        }),
    ]),
    target: z.object({ kind: z.string(), id: z.string() }),
    from: z
      .object({ ip: z.string().optional(), userAgent: z.string().optional() })
      .optional()
      .meta({ description: 'The source address and user agent of the request' }),
    before: z.unknown().optional().meta({ description: 'What changed, as it was (never a secret)' }),
    after: z.unknown().optional().meta({ description: 'What changed, as it is now (never a secret)' }),
    note: z.string().optional(),
  })
  .meta({ id: 'AuditLine' });
export type AuditLineView = z.infer<typeof AuditLineView>;

export const AuditPage = z.object({ lines: z.array(AuditLineView), nextCursor: NextCursor });
export type AuditPage = z.infer<typeof AuditPage>;
