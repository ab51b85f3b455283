import { z } from 'zod';
import { ORG_ID } from '#vocabulary/orgs.ts';
import { WORKFLOW_ID } from '#vocabulary/workflows.ts';

/**
 * A response link: how a vendor answers a job offer, or an owner an approval request, without a
 * login. The link carries these claims signed (shared/platform/security/response-links.ts) and is
 * used once (`ResponseLinkLedger`). The claims are readable by whoever holds the link, so they are
 * ids only: the id formats below admit no `@` and no spaces, so no e-mail address or name fits.
 */

export const RESPONSE_LINK_PURPOSES = ['vendor_offer', 'owner_approval'] as const;
export type ResponseLinkPurpose = (typeof RESPONSE_LINK_PURPOSES)[number];

/** A step id as the workflow writes it: `<state>.<n>`. */
const STEP_ID = /^[a-z][a-z0-9_]{0,63}\.\d{1,6}$/;
/** Offer and vendor ids are opaque to the link; bounded and without `@` or spaces. */
const OPAQUE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
/** 128 random bits, base64url: two links for the same step never look alike. */
export const RESPONSE_LINK_NONCE = /^[A-Za-z0-9_-]{22}$/;

const bound = {
  orgId: z.string().regex(ORG_ID),
  workflowId: z.string().regex(WORKFLOW_ID),
  stepId: z.string().regex(STEP_ID),
  /** Refused from this instant on: a link is valid strictly before it. */
  expiresAt: z.iso.datetime(),
};

const vendorOffer = z.strictObject({
  purpose: z.literal('vendor_offer'),
  ...bound,
  // Bound to the one offer and vendor: a link for an earlier offer cannot answer a later one.
  offerId: z.string().regex(OPAQUE_ID),
  vendorId: z.string().regex(OPAQUE_ID),
});

const ownerApproval = z.strictObject({ purpose: z.literal('owner_approval'), ...bound });

/** What a link is bound to: one org, one workflow, one step, one purpose (and for an offer, one vendor). */
export const ResponseLinkClaims = z.discriminatedUnion('purpose', [vendorOffer, ownerApproval]);
export type ResponseLinkClaims = z.infer<typeof ResponseLinkClaims>;

/** The claims as signed: with the nonce the issuer adds. */
export const SignedResponseLinkClaims = z.discriminatedUnion('purpose', [
  vendorOffer.extend({ nonce: z.string().regex(RESPONSE_LINK_NONCE) }),
  ownerApproval.extend({ nonce: z.string().regex(RESPONSE_LINK_NONCE) }),
]);
export type SignedResponseLinkClaims = z.infer<typeof SignedResponseLinkClaims>;

/** A vendor's answer to an offer: a proposed time is a suggestion, a reason is optional. */
export const VendorOfferAnswer = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('accept'),
    proposedTime: z.iso.datetime({ offset: true }).optional(),
  }),
  z.strictObject({ decision: z.literal('decline'), reason: z.string().max(500).optional() }),
]);
export type VendorOfferAnswer = z.infer<typeof VendorOfferAnswer>;

/** An owner's answer to an approval request. */
export const OwnerApprovalAnswer = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(1000).optional(),
});
export type OwnerApprovalAnswer = z.infer<typeof OwnerApprovalAnswer>;

/** The answers each purpose allows: a link for one purpose cannot carry the other's answer. */
export const RESPONSE_LINK_ANSWERS = {
  vendor_offer: VendorOfferAnswer,
  owner_approval: OwnerApprovalAnswer,
} as const satisfies Record<ResponseLinkPurpose, z.ZodType>;
export type ResponseLinkAnswer<P extends ResponseLinkPurpose> = z.infer<(typeof RESPONSE_LINK_ANSWERS)[P]>;

/**
 * Links already used. Only a hash of the token is stored. `use` is one conditional write, so of
 * any number of racing uses of one token exactly one is `first_use`.
 */
export interface ResponseLinkLedger {
  /** `expiresAt` is the link's: the record is kept at least that long (then may be dropped). */
  use(orgId: string, token: string, expiresAt: Date): Promise<'first_use' | 'used'>;
}
