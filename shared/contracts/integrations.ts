import { z } from 'zod';
import { ORG_ID } from '#vocabulary/orgs.ts';
import { MAX_ROTATION_GRACE_SECONDS } from './api-keys.ts';

const IntegrationId = z
  .string()
  .regex(ORG_ID, 'expected 1 to 63 lower-case letters, digits and -, starting with a letter or digit')
  .meta({ description: 'Global: deliveries go to `/webhooks/{integrationId}`', example: 'acme-forms' });

/** A CIDR block (IPv4 or IPv6): the address part is checked by the delivery's network test. */
const Cidr = z
  .string()
  .max(50)
  .regex(/^[0-9A-Fa-f:.]+\/\d{1,3}$/, 'expected a CIDR block, e.g. 203.0.113.0/24');

export const IntegrationParams = z.object({ integrationId: IntegrationId });

/** Strict: an integration is always registered in the caller's own org. */
export const CreateIntegrationRequest = z.strictObject({
  integrationId: IntegrationId,
  name: z.string().trim().min(1).max(200),
  allowedCidrs: z.array(Cidr).min(1).max(50).optional().meta({
    description: 'When set, only these source networks may deliver (403 otherwise)',
  }),
});

/** An integration as admins see it: never its secret. */
export const IntegrationView = z
  .object({
    integrationId: z.string(),
    name: z.string(),
    allowedCidrs: z.array(z.string()).optional(),
    createdAt: z.string().optional().meta({ description: 'Absent for integrations seeded by operators' }),
    webhookPath: z.string().meta({ description: 'Where its Standard Webhooks deliveries go' }),
  })
  .meta({ id: 'Integration' });
export type IntegrationView = z.infer<typeof IntegrationView>;

export const IntegrationList = z.object({ integrations: z.array(IntegrationView) });

const Secret = z.string().meta({ description: 'The `whsec_` secret, shown once: store it now' });

export const CreatedIntegration = IntegrationView.extend({ secret: Secret });

/** Optional body: without one the old secret keeps working for the default grace period. */
export const RotateIntegrationRequest = z
  .strictObject({
    graceSeconds: z.number().int().min(0).max(MAX_ROTATION_GRACE_SECONDS).optional().meta({
      description: 'How long the old secret keeps working, in seconds (default 86400: a day)',
    }),
  })
  .optional();

export const RotatedIntegration = z.object({
  integrationId: z.string(),
  secret: Secret,
  previousSecretValidUntil: z.string(),
});
