import { DescribeSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import type { ApiKeyPepperConfig, RentvineConnectionConfig } from '#lib/function-config.ts';
import { tracedAwsClient } from '#platform/aws-client-tracing.ts';
import type { HealthCheck, ReadinessCheck } from '#platform/health.ts';
import { logger } from '#platform/observability.ts';
import { CLAUDE_CIRCUIT } from './anthropic/claude-circuit.ts';
import { CircuitJournal } from './dynamodb/circuit-journal.ts';
import { documentClient } from './dynamodb/document-client.ts';
import { keys } from './dynamodb/keys.ts';
import type { CallRunner } from './rentvine/http.ts';
import { RentvineReachability } from './rentvine/reachability.ts';
import { rentvineSessionsFrom } from './rentvine/sessions-source.ts';
import { sqsClient } from './sqs/work-queue.ts';

/** A point read: proves the table exists and this function may read it. */
export function tableCheck(tableName: string): HealthCheck {
  return async (): Promise<undefined> => {
    await documentClient().send(new GetCommand({ TableName: tableName, Key: keys.health }));
  };
}

export function queueCheck(queueUrl: string): HealthCheck {
  return async (): Promise<undefined> => {
    await sqsClient().send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
    );
  };
}

let secretsManager: SecretsManagerClient | undefined;
/** AWS_ENDPOINT_URL_SECRETS_MANAGER redirects it to a stand-in. */
function secretsManagerClient(): SecretsManagerClient {
  secretsManager ??= tracedAwsClient(new SecretsManagerClient({}));
  return secretsManager;
}

/**
 * The API-key pepper exists and has a current value: without it no key can be verified. In
 * Secrets Manager it is described, not read; an environment pepper was validated at cold start.
 */
export function apiKeyPepperCheck(config: z.infer<typeof ApiKeyPepperConfig> | undefined): HealthCheck {
  return async () => {
    if (!config) throw new Error('no API-key pepper configured');
    if (config.API_KEY_PEPPER_SOURCE === 'env') return { status: 'ok', detail: { source: 'env' } };
    const secret = await secretsManagerClient().send(
      new DescribeSecretCommand({ SecretId: config.API_KEY_PEPPER_SECRET_ID }),
    );
    if (secret.DeletedDate) throw new Error('the API-key pepper secret is scheduled for deletion');
    const stages = Object.values(secret.VersionIdsToStages ?? {}).flat();
    if (!stages.includes('AWSCURRENT')) throw new Error('the API-key pepper secret has no current value');
    return { status: 'ok', detail: { source: 'secretsmanager' } };
  };
}

/**
 * The Claude circuit as the classifier last recorded it (its breaker lives in the classifier's
 * memory). Open means classifications are falling back to the rules: reported as failing, but
 * not required, since the rules keep the platform working.
 */
export function claudeCircuitCheck(tableName: string): ReadinessCheck {
  const journal = new CircuitJournal(tableName);
  return {
    required: false,
    run: async () => {
      const record = await journal.read(CLAUDE_CIRCUIT);
      if (!record) return { status: 'ok', detail: { state: 'closed' } };
      const detail = { state: record.state, since: record.changedAt };
      return { status: record.state === 'open' ? 'failing' : 'ok', detail };
    },
  };
}

/**
 * Rentvine reachability of every connected org (each org's probe cached for a minute). Not
 * required: one org's Rentvine outage degrades that org's sync and writes, not the platform, so
 * the API stays ready and the check reports `failing`. The answer is public, so it carries counts
 * per finding, never an org id (which would tell anyone which orgs exist); the failing orgs are
 * named in the log, for operators.
 */
export function rentvineReachabilityCheck(reachability: RentvineReachability): ReadinessCheck {
  return {
    required: false,
    run: async () => {
      const { orgs, probed } = await reachability.check();
      if (orgs === 0) return { status: 'skipped', detail: { reason: 'no org has a Rentvine connection' } };
      const findings: Record<string, number> = { reachable: 0 };
      for (const [orgId, outcome] of Object.entries(probed)) {
        const finding = outcome === 'ok' ? 'reachable' : outcome;
        findings[finding] = (findings[finding] ?? 0) + 1;
        if (outcome !== 'ok') logger.warn('Rentvine not reachable for an org', { orgId, finding: outcome });
      }
      const checked = Object.keys(probed).length;
      const detail = { orgs, probed: checked, ...findings };
      return { status: findings.reachable === checked ? 'ok' : 'failing', detail };
    },
  };
}

/** Readiness probes once, within a deadline below the check's own bound: no retries, no breaker. */
const PROBE_TIMEOUT_MS = 1_500;
const probeOnce: CallRunner = {
  execute: (call) => call(AbortSignal.timeout(PROBE_TIMEOUT_MS)),
};

/** The api function's Rentvine check, reading the connections where the config says. */
export function rentvineCheck(
  config: z.infer<typeof RentvineConnectionConfig>,
  tableName: string,
): ReadinessCheck {
  const sessions = rentvineSessionsFrom(config, tableName, probeOnce);
  return rentvineReachabilityCheck(new RentvineReachability(sessions));
}
