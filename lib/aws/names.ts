/**
 * Names that people and other tools type: stacks in the console, secrets operators create with the
 * AWS CLI, queues `aictive dlq redrive` finds by name. Everything else keeps CloudFormation-generated
 * names so replacements never collide.
 */
export function stackNames(stage: string): { readonly stateful: string; readonly service: string } {
  return { stateful: `Aictive-${stage}-Stateful`, service: `Aictive-${stage}-Service` };
}

export function secretNames(stage: string): {
  readonly anthropicApiKey: string;
  readonly apiKeyPepper: string;
  /** Per-org webhook signing secrets live at `<prefix><orgId>`, created by operators. */
  readonly webhookSigningPrefix: string;
} {
  return {
    anthropicApiKey: `aictive/${stage}/anthropic-api-key`,
    apiKeyPepper: `aictive/${stage}/api-key-pepper`,
    webhookSigningPrefix: `aictive/${stage}/webhook/`,
  };
}

export function dataKeyAlias(stage: string): string {
  return `alias/aictive/${stage}/data`;
}

/**
 * A topology queue and its DLQ. Locally the prefix is `aictive-local` (lib/local/provision.ts), the
 * same shape with the stage `local`.
 */
export function queueNames(
  stage: string,
  queue: string,
): { readonly queue: string; readonly deadLetter: string } {
  return { queue: `aictive-${stage}-${queue}`, deadLetter: `aictive-${stage}-${queue}-dlq` };
}
