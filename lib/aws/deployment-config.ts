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
}

// `-c allowedOrigins=a,b` arrives as one string while cdk.json can hold an array: accept both.
const origins = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (typeof value === 'string' ? value.split(',') : value))
  .transform((list) => list.map((origin) => origin.trim()).filter((origin) => origin.length > 0))
  .pipe(z.array(z.url({ protocol: /^https?$/ })));

const contextSchema = z.object({
  stage: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,19}$/, 'stage must be lower-case letters, digits or dashes (max 20)')
    .default('dev'),
  alarmEmail: z.email().optional(),
  allowedOrigins: origins.default([]),
});

export function deploymentConfigFrom(scope: IConstruct): DeploymentConfig {
  const raw = {
    stage: scope.node.tryGetContext('stage'),
    alarmEmail: scope.node.tryGetContext('alarmEmail') || undefined,
    allowedOrigins: scope.node.tryGetContext('allowedOrigins'),
  };
  const parsed = contextSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid CDK context: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
