import { z } from 'zod';
import { CATEGORIES, ENGINES, URGENCIES } from '#vocabulary/classification.ts';

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
