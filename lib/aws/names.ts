import { type SecretName, secrets } from '#lib/topology.ts';

/**
 * Names that people and other tools type: stacks in the console, secrets operators create with the
 * AWS CLI, queues `aictive dlq redrive` finds by name. Everything else keeps CloudFormation-generated
 * names so replacements never collide.
 */
export function stackNames(stage: string): { readonly stateful: string; readonly service: string } {
  return { stateful: `Aictive-${stage}-Stateful`, service: `Aictive-${stage}-Service` };
}

/**
 * A topology secret's Secrets Manager name; for a per-org family (a name ending in `/`), the
 * prefix operators create `<prefix><orgId>` under.
 */
export function secretName(stage: string, secret: SecretName): string {
  return `aictive/${stage}/${secrets[secret].name}`;
}

/** A family of per-org secrets, created by operators after deploy, rather than one secret. */
export function isSecretFamily(secret: SecretName): boolean {
  return secrets[secret].name.endsWith('/');
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
