import type { IConstruct } from 'constructs';
import { z } from 'zod';

/** What differs between deployments of the same topology; read from CDK context (`-c key=value` or cdk.json). */
export interface DeploymentConfig {
  /** Lower-case stage name; it lands in stack, secret and API names, so it stays short and DNS-safe. */
  readonly stage: string;
  /** Where alarm notifications go; without it the topic exists and operators subscribe later. */
  readonly alarmEmail?: string;
  /** Browser origins allowed to call the API; empty means no CORS preflight at all. */
  readonly allowedOrigins: readonly string[];
  /**
   * Where the API is reached from outside (a custom domain, `https://api.example.com`): vendors'
   * and owners' answer links start with it. Without it a link is its path alone.
   */
  readonly publicApiUrl?: string;
  /**
   * The opt-in functions this stage runs (lib/topology.ts `optIn`): their context flags that are
   * true. `-c nightlyTriageEvaluation=true` adds the nightly triage evaluation; off by default.
   */
  readonly optIns: ReadonlySet<string>;
  /**
   * The platform's triage floors and the evaluation's message cap, where the context sets them
   * (`-c triageFloorCategoryAccuracy=0.9`…); the topology's values otherwise. One per deployment.
   */
  readonly triageEvaluation: Readonly<Partial<Record<TriageEvaluationSetting, string>>>;
  /**
   * Phones and mailboxes subscribed to the pages topic at deploy (`-c pageSubscriptions=sms:+15551234567,email:oncall@example.com`):
   * every emergency page reaches them. None by default: operators may subscribe people themselves.
   */
  readonly pageSubscriptions: readonly PageSubscription[];
}

/** An on-call phone (SMS, E.164) or mailbox subscribed to the pages topic. */
export interface PageSubscription {
  readonly protocol: 'sms' | 'email';
  readonly endpoint: string;
}

/** The context key of each setting of the nightly triage evaluation. */
export const TRIAGE_EVALUATION_CONTEXT = {
  triageEvaluationMaxMessages: 'TRIAGE_EVALUATION_MAX_MESSAGES',
  triageFloorCategoryAccuracy: 'TRIAGE_FLOOR_CATEGORY_ACCURACY',
  triageFloorEmergencyRecall: 'TRIAGE_FLOOR_EMERGENCY_RECALL',
  triageCeilingFalseEmergencies: 'TRIAGE_CEILING_FALSE_EMERGENCIES',
  triageFloorInjectionsToHuman: 'TRIAGE_FLOOR_INJECTIONS_TO_HUMAN',
} as const;
type TriageEvaluationSetting = (typeof TRIAGE_EVALUATION_CONTEXT)[keyof typeof TRIAGE_EVALUATION_CONTEXT];

// `-c flag=true` arrives as a string, cdk.json can hold a boolean: accept both, off when absent.
const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .optional()
  .transform((value) => value === true || value === 'true');
// A number from the command line or cdk.json, kept as the string a function's environment carries.
const shareOfOne = z.coerce.number().min(0).max(1).transform(String).optional();
const messageCap = z.coerce.number().int().min(1).max(1000).transform(String).optional();

// `-c allowedOrigins=a,b` arrives as one string while cdk.json can hold an array: accept both.
const origins = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (typeof value === 'string' ? value.split(',') : value))
  .transform((list) => list.map((origin) => origin.trim()).filter((origin) => origin.length > 0))
  .pipe(z.array(z.url({ protocol: /^https?$/ })));

// `-c pageSubscriptions=sms:+1…,email:…` arrives as one string, cdk.json can hold an array.
const pageSubscriptions = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (typeof value === 'string' ? value.split(',') : value))
  .transform((list) => list.map((entry) => entry.trim()).filter((entry) => entry.length > 0))
  .pipe(
    z.array(
      z.union(
        [
          z
            .templateLiteral(['sms:', z.string().regex(/^\+[1-9]\d{6,14}$/)])
            .transform((entry) => ({ protocol: 'sms' as const, endpoint: entry.slice('sms:'.length) })),
          z
            .templateLiteral(['email:', z.email()])
            .transform((entry) => ({ protocol: 'email' as const, endpoint: entry.slice('email:'.length) })),
        ],
        { error: 'expected sms:+<E.164 number> or email:<address>' },
      ),
    ),
  );

const contextSchema = z.object({
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,19}$/, 'stage must be lower-case letters, digits or dashes (max 20)')
    .default('dev'),
  alarmEmail: z.email().optional(),
  allowedOrigins: origins.default([]),
  publicApiUrl: z.url({ protocol: /^https$/ }).optional(),
  nightlyTriageEvaluation: flag,
  triageEvaluationMaxMessages: messageCap,
  triageFloorCategoryAccuracy: shareOfOne,
  triageFloorEmergencyRecall: shareOfOne,
  triageCeilingFalseEmergencies: shareOfOne,
  triageFloorInjectionsToHuman: shareOfOne,
  pageSubscriptions: pageSubscriptions.default([]),
});

export function deploymentConfigFrom(scope: IConstruct): DeploymentConfig {
  const raw = {
    stage: scope.node.tryGetContext('stage'),
    alarmEmail: scope.node.tryGetContext('alarmEmail') || undefined,
    allowedOrigins: scope.node.tryGetContext('allowedOrigins'),
    publicApiUrl: scope.node.tryGetContext('publicApiUrl') || undefined,
    nightlyTriageEvaluation: scope.node.tryGetContext('nightlyTriageEvaluation'),
    pageSubscriptions: scope.node.tryGetContext('pageSubscriptions') || undefined,
    ...Object.fromEntries(
      Object.keys(TRIAGE_EVALUATION_CONTEXT).map((key) => [key, scope.node.tryGetContext(key)]),
    ),
  };
  const parsed = contextSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid CDK context: ${z.prettifyError(parsed.error)}`);
  const { stage, alarmEmail, allowedOrigins, publicApiUrl, nightlyTriageEvaluation } = parsed.data;
  const triageEvaluation = Object.fromEntries(
    Object.entries(TRIAGE_EVALUATION_CONTEXT).flatMap(([key, setting]) => {
      const value = parsed.data[key as keyof typeof TRIAGE_EVALUATION_CONTEXT];
      return value === undefined ? [] : [[setting, value]];
    }),
  );
  return {
    stage,
    alarmEmail,
    allowedOrigins,
    ...(publicApiUrl ? { publicApiUrl } : {}),
    optIns: new Set(nightlyTriageEvaluation ? ['nightlyTriageEvaluation'] : []),
    triageEvaluation,
    pageSubscriptions: parsed.data.pageSubscriptions,
  };
}
