import { z } from 'zod';

const oneOrMany = z.union([z.string(), z.array(z.string())]);

/** The parts of a Lambda authorizer's answer that API Gateway acts on. */
const authorizerResultSchema = z.object({
  principalId: z.string().min(1),
  policyDocument: z.object({
    Statement: z.array(
      z.object({ Effect: z.enum(['Allow', 'Deny']), Action: oneOrMany, Resource: oneOrMany }),
    ),
  }),
  // API Gateway rejects objects and arrays in the context with a 500, and so do we.
  context: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).nullish(),
});

export type PolicyDecision =
  | {
      readonly effect: 'allow';
      readonly principalId: string;
      readonly context: Record<string, string | number | boolean>;
    }
  | { readonly effect: 'deny' }
  | { readonly effect: 'invalid'; readonly reason: string };

/**
 * IAM evaluation for one request: an explicit Deny on the method ARN wins, then an Allow; with
 * neither, access is denied. `*` and `?` wildcards work in Action and Resource as in IAM.
 */
export function evaluatePolicy(result: unknown, methodArn: string): PolicyDecision {
  const parsed = authorizerResultSchema.safeParse(result);
  if (!parsed.success) return { effect: 'invalid', reason: z.prettifyError(parsed.error) };
  const applicable = parsed.data.policyDocument.Statement.filter(
    (statement) =>
      [statement.Action].flat().some((action) => globMatches(action, 'execute-api:Invoke', 'i')) &&
      [statement.Resource].flat().some((resource) => globMatches(resource, methodArn, '')),
  );
  const effects = new Set(applicable.map((statement) => statement.Effect));
  if (effects.has('Deny') || !effects.has('Allow')) return { effect: 'deny' };
  return { effect: 'allow', principalId: parsed.data.principalId, context: parsed.data.context ?? {} };
}

function globMatches(pattern: string, value: string, flags: string): boolean {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\/]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, flags).test(value);
}
