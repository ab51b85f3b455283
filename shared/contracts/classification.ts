import { z } from 'zod';

/**
 * The classifier's vocabulary as the API publishes it. The domain keeps its own lists
 * (shared/domain/classification/taxonomy.ts); the api function's mappers only compile while
 * every domain value is published here, and test/unit/contracts/vocabulary.test.ts keeps the
 * two lists equal.
 */
export const CATEGORIES = [
  'maintenance_request',
  'maintenance_emergency',
  'rent_payment',
  'payment_arrangement',
  'lease_renewal',
  'lease_termination',
  'move_in',
  'leasing_inquiry',
  'complaint',
  'owner_inquiry',
  'vendor_billing',
  'legal_notice',
  'accommodation_request',
  'general_inquiry',
  'spam',
] as const;
export const URGENCIES = ['low', 'medium', 'high', 'emergency'] as const;
export const ENGINES = ['claude', 'rules'] as const;

/** What the platform decided about an email, and which engine decided it. */
export const ClassificationView = z
  .object({
    category: z.enum(CATEGORIES),
    urgency: z
      .enum(URGENCIES)
      .meta({ description: '`emergency` exactly when the category is `maintenance_emergency`' }),
    confidence: z.number().min(0).max(1),
    engine: z.enum(ENGINES),
    reasons: z
      .array(z.string().max(300))
      .max(10)
      .meta({ description: 'Matched rules, or the model’s rationale' }),
    model: z.string().optional().meta({ description: 'The model id, when the engine is `claude`' }),
    fallbackReason: z
      .string()
      .optional()
      .meta({ description: 'Why the rules answered although Claude is configured' }),
    usage: z
      .object({ inputTokens: z.number().int().min(0), outputTokens: z.number().int().min(0) })
      .optional()
      .meta({ description: 'Tokens the model call consumed, when the engine is `claude`' }),
  })
  .meta({ id: 'Classification' });
export type ClassificationView = z.infer<typeof ClassificationView>;
