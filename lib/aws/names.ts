/**
 * Names that people and other tools type: stacks in the console, secrets operators create with the
 * AWS CLI. Everything else keeps CloudFormation-generated names so replacements never collide.
 */
export function stackNames(stage: string): { readonly stateful: string; readonly service: string } {
  return { stateful: `Aictive-${stage}-Stateful`, service: `Aictive-${stage}-Service` };
}

export function secretNames(stage: string): {
  readonly anthropicApiKey: string;
  /** Per-org webhook signing secrets live at `<prefix><orgId>`, created by operators. */
  readonly webhookSigningPrefix: string;
} {
  return {
    anthropicApiKey: `aictive/${stage}/anthropic-api-key`,
    webhookSigningPrefix: `aictive/${stage}/webhook/`,
  };
}

export function dataKeyAlias(stage: string): string {
  return `alias/aictive/${stage}/data`;
}
