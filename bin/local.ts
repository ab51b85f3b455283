/**
 * `npm start`: the whole platform on this machine — the same handlers behind a local API
 * Gateway, queue pollers and schedules, on embedded emulators. No AWS, Docker or Java needed.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { apiKeyPepperFrom } from '#adapters/secrets/api-key-pepper.ts';
import { ApiKeyPepperConfig } from '#lib/function-config.ts';
import { seedDevOrg } from '#lib/local/dev-org.ts';
import { type LocalRentvine, startLocalRentvine } from '#lib/local/local-rentvine.ts';
import { type LocalRuntime, startLocalRuntime } from '#lib/local/runtime.ts';
import { LOCAL_INBOUND_DOMAIN } from '#lib/local/smtp-listener.ts';
import { ConfigError, readConfig } from '#platform/config.ts';
import { STANDARD_WEBHOOK_SECRET } from '#platform/security/standard-webhooks.ts';
import { MIN_SEEDED_KEY_LENGTH } from '#usecases/seed-org.ts';

const LocalConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** The inbound mail listener's port (always on 127.0.0.1: it asks for no authentication). */
  SMTP_PORT: z.coerce.number().int().min(0).max(65_535).default(2525),
  AICTIVE_DATA_DIR: z.string().min(1).default('.data'),
  AICTIVE_DEV_API_KEY: z
    .string()
    .trim()
    .min(MIN_SEEDED_KEY_LENGTH, `must be at least ${MIN_SEEDED_KEY_LENGTH} characters (it is an admin key)`)
    .max(512)
    .optional(),
  AICTIVE_DEV_WEBHOOK_SECRET: z.string().trim().min(1).max(512).optional(),
  /** Seeds the Standard Webhooks integration `demo-forms` of org `demo`. */
  AICTIVE_DEV_INTEGRATION_SECRET: z
    .string()
    .trim()
    .max(512)
    .regex(STANDARD_WEBHOOK_SECRET, 'must be a Standard Webhooks secret: whsec_ followed by base64')
    .optional(),
  /** Seconds before a failed message is retried locally (AWS uses 6 × the consumer timeout). */
  AICTIVE_LOCAL_VISIBILITY_SECONDS: z.coerce.number().int().min(1).max(43_200).default(60),
  ANTHROPIC_API_KEY: z.string().min(1).optional(),
  /** Without RENTVINE_BASE_URL/ACCESS_KEY/SECRET: seconds between the simulator's own work-order edits (0: none). */
  AICTIVE_SIMULATOR_ACTIVITY_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /** Without RENTVINE_*: the simulated portfolio's seed (the same seed, the same portfolio). */
  AICTIVE_SIMULATOR_SEED: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(1),
});

async function main(): Promise<void> {
  const config = readConfig(LocalConfig);
  const dataDir = resolve(config.AICTIVE_DATA_DIR);
  // Listening from the start: a Ctrl-C while starting lets start-up finish, then stops cleanly
  // (no endpoints file or data-dir claim left behind); a second Ctrl-C exits at once.
  let runtime: LocalRuntime | undefined;
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    if (runtime) stopAndExit(runtime, 0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  // Org demo's Rentvine: the account in RENTVINE_* or, without it, the simulator.
  const rentvine = await startLocalRentvine({
    env: process.env,
    seed: config.AICTIVE_SIMULATOR_SEED,
    activitySeconds: config.AICTIVE_SIMULATOR_ACTIVITY_SECONDS,
  });
  const local = await startLocalRuntime({
    port: config.PORT,
    host: config.HOST,
    dataDir,
    visibilityTimeoutSeconds: config.AICTIVE_LOCAL_VISIBILITY_SECONDS,
    smtpPort: config.SMTP_PORT,
    // The functions' logs one JSON line per entry, as CloudWatch shows them (POWERTOOLS_DEV=true
    // pretty-prints them over many lines); metrics (EMF lines meant for CloudWatch) off unless asked for.
    extraEnv: {
      POWERTOOLS_DEV: process.env.POWERTOOLS_DEV ?? 'false',
      POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
      // Re-send only what outlived every redelivery of the (shorter) local visibility timeout.
      PENDING_GRACE_SECONDS: String(config.AICTIVE_LOCAL_VISIBILITY_SECONDS * 5 + 30),
      ...rentvine.env,
    },
  }).catch(async (error: unknown) => {
    await rentvine.stop();
    throw error;
  });
  runtime = withRentvine(local, rentvine);
  if (stopping) return stopAndExit(runtime, 0);
  const started = runtime;
  const org = await seedDevOrg({
    tableName: runtime.resources.tables.main,
    // The runtime has put the pepper its functions use into this process's environment.
    pepper: apiKeyPepperFrom(readConfig(ApiKeyPepperConfig)),
    dataDir,
    apiKey: config.AICTIVE_DEV_API_KEY,
    webhookSecret: config.AICTIVE_DEV_WEBHOOK_SECRET,
    integrationSecret: config.AICTIVE_DEV_INTEGRATION_SECRET,
  }).catch((error: unknown) => {
    // Already stopping on a signal: that stop exits.
    if (!stopping) stopAndExit(started, 1, `npm start failed: ${messageOf(error)}`);
    return undefined;
  });
  if (!org || stopping) return;
  const connected = await rentvine
    .connect({
      apiUrl: runtime.url,
      orgId: org.orgId,
      webhookSecret: org.webhookSecret,
      tableName: runtime.resources.tables.main,
    })
    .then(
      () => true,
      (error: unknown) => {
        if (!stopping) stopAndExit(started, 1, `npm start failed: ${messageOf(error)}`);
        return false;
      },
    );
  if (!connected || stopping) return;

  const from = (source: string) =>
    source === 'env'
      ? 'from the environment'
      : source === 'saved'
        ? `saved in ${config.AICTIVE_DATA_DIR}/dev-credentials.json`
        : `generated, saved in ${config.AICTIVE_DATA_DIR}/dev-credentials.json`;
  process.stdout.write(
    [
      'Aictive Platform is running locally',
      `  API            ${runtime.url}/v1`,
      `  Health         ${runtime.url}/health  ${runtime.url}/health/ready`,
      `  Webhook        POST ${runtime.url}/webhooks/rentvine/${org.orgId}`,
      `  Org            ${org.orgId}`,
      `  Admin API key  ${org.apiKey}  (${from(org.apiKeySource)})`,
      `  Webhook secret ${org.webhookSecret}  (${from(org.webhookSecretSource)})`,
      org.integrationId
        ? `  Integration    POST ${runtime.url}/webhooks/${org.integrationId}  (Standard Webhooks, AICTIVE_DEV_INTEGRATION_SECRET)`
        : '  Integration    none (set AICTIVE_DEV_INTEGRATION_SECRET=whsec_… to seed demo-forms)',
      ...(runtime.smtp
        ? [
            `  Inbound mail   smtp://${runtime.smtp.host}:${runtime.smtp.port}  (to ${org.orgId}@${LOCAL_INBOUND_DOMAIN}; SMTP_PORT)`,
          ]
        : []),
      `  Rentvine       ${rentvine.description}`,
      `  Classifier     ${config.ANTHROPIC_API_KEY ? 'Claude, with the rules as fallback' : 'rules (set ANTHROPIC_API_KEY to use Claude)'}`,
      `  Notices        one line each below; queue ${runtime.resources.topics.workflowNotices.queueUrl} at ${runtime.emulators.sqsEndpoint} (README: Workflow notices)`,
      `  Data           ${config.AICTIVE_DATA_DIR}/ (delete it to start afresh)`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

/** The runtime whose stop also stops org demo's Rentvine (the simulator), after the functions. */
function withRentvine(runtime: LocalRuntime, rentvine: LocalRentvine): LocalRuntime {
  return {
    ...runtime,
    stop: async () => {
      await runtime.stop();
      await rentvine.stop();
    },
  };
}

/** Stops everything that started, then exits with `code` (and one line on stderr, if given). */
function stopAndExit(runtime: LocalRuntime, code: number, message?: string): void {
  if (message) process.stderr.write(`${message}\n`);
  runtime.stop().then(
    () => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`shutdown failed: ${messageOf(error)}\n`);
      process.exit(1);
    },
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    for (const problem of error.problems) process.stderr.write(`config error: ${problem}\n`);
  } else {
    process.stderr.write(`npm start failed: ${messageOf(error)}\n`);
  }
  process.exit(1);
});
