import { z } from 'zod';
import { CATEGORIES, ENGINES, URGENCIES } from '#vocabulary/classification.ts';

/** The classifier's output vocabulary (#vocabulary/classification.ts) as schemas. */
export const Category = z.enum(CATEGORIES);
export const Urgency = z.enum(URGENCIES);
export const Engine = z.enum(ENGINES);
export type Category = z.infer<typeof Category>;
export type Urgency = z.infer<typeof Urgency>;
export type Engine = z.infer<typeof Engine>;

/** emergency urgency ⇔ maintenance_emergency: also what a model's verdict must respect to be used at all. */
export const urgencyFitsCategory = (c: { readonly category: Category; readonly urgency: Urgency }): boolean =>
  (c.urgency === 'emergency') === (c.category === 'maintenance_emergency');

/** What the rules classifier decides about one email (the Triage carries model, usage and fallbacks). emergency urgency ⇔ maintenance_emergency. */
export const Classification = z
  .object({
    category: Category,
    urgency: Urgency,
    confidence: z.number().min(0).max(1),
    engine: Engine,
    /** Short, human-readable reasons (matched rules, or the model's rationale). */
    reasons: z.array(z.string().max(300)).max(10),
  })
  .refine(urgencyFitsCategory, {
    message: 'urgency "emergency" goes with category "maintenance_emergency" and only with it',
    path: ['urgency'],
  });
export type Classification = z.infer<typeof Classification>;

export const EmailToClassify = z.object({
  from: z.string().min(1).max(320),
  subject: z.string().max(998),
  text: z.string().max(100_000),
});
export type EmailToClassify = z.infer<typeof EmailToClassify>;
