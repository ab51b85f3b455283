import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { localDynamoClient } from '#lib/local/aws-clients.ts';
import { startLocalRuntime } from '#lib/local/runtime.ts';
import {
  fixtureAuthorizer,
  fixtureConsumer,
  fixtureHttp,
  fixtureScheduled,
} from '#test/support/local-fixture-handlers/functions.ts';

const START_AND_STOP = fileURLToPath(
  new URL('../../support/local-fixture-handlers/start-and-stop.ts', import.meta.url),
);
/** Far above the script's ≈3 s; a leaked socket or timer keeps Node alive past it. */
const EXIT_DEADLINE_MS = 20_000;

function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** Runs the script in its own Node process; resolves with how it ended, killing it at the deadline. */
function runScript(
  path: string,
): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--no-warnings', path], {
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, EXIT_DEADLINE_MS);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

describe('local runtime', () => {
  it('serves every kind of function and runs the schedule soon after start', async () => {
    const runtime = await startLocalRuntime({
      functions: [fixtureHttp, fixtureAuthorizer, fixtureConsumer, fixtureScheduled],
      prefix: 'whole',
    });
    try {
      expect(runtime.url).toBe(`http://127.0.0.1:${runtime.port}`);
      expect((await fetch(`${runtime.url}/items/1`)).status).toBe(200);

      // The host process sees every function's resources (for seeding and tests)...
      expect(process.env.TABLE_NAME).toBe('whole-main');
      expect(process.env.EVENTS_QUEUE_URL).toBe(runtime.resources.queues.events.url);
      // ...while each function runs with exactly its own environment.
      const seen = (await (await fetch(`${runtime.url}/env`)).json()) as Record<string, string>;
      expect(seen).toEqual(runtime.environments['fixture-http']);
      expect(seen.POWERTOOLS_SERVICE_NAME).toBe('fixture-http');
      expect(seen.TABLE_NAME).toBeUndefined();
      expect(runtime.environments['fixture-scheduled']).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'fixture-scheduled',
        TABLE_NAME: 'whole-main',
      });

      // The scheduled fixture writes to the main table with an SDK client built from process.env alone.
      const documents = DynamoDBDocumentClient.from(localDynamoClient(runtime.emulators.dynamoEndpoint));
      const runs = await vi.waitFor(
        async () => {
          const { Items = [] } = await documents.send(
            new QueryCommand({
              TableName: runtime.resources.tables.main,
              KeyConditionExpression: 'PK = :pk',
              ExpressionAttributeValues: { ':pk': 'schedule' },
            }),
          );
          expect(Items.length).toBeGreaterThan(0);
          return Items;
        },
        { timeout: 5_000, interval: 100 },
      );
      documents.destroy();
      expect(() => EventBridgeSchema.parse(JSON.parse(String(runs[0]?.payload)))).not.toThrow();
    } finally {
      await runtime.stop();
    }

    expect(process.env.TABLE_NAME).toBeUndefined();
    for (const url of [runtime.url, runtime.emulators.dynamoEndpoint, runtime.emulators.sqsEndpoint]) {
      expect(await refusesConnections(url)).toBe(true);
    }
  });

  it('lets the process exit on its own after a failed start and after stop(): nothing is left open', async () => {
    const result = await runScript(START_AND_STOP);
    expect(result.timedOut).toBe(false);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('failed start: GET /private/{itemId} needs an authorizer');
    expect(result.stdout).toContain('stopped after HTTP 200');
  }, 30_000);

  it('fails to start, cleaning up, when a guarded route has no authorizer to call', async () => {
    await expect(startLocalRuntime({ functions: [fixtureHttp], schedules: false })).rejects.toThrow(
      /GET \/private\/\{itemId\} needs an authorizer/,
    );
    expect(process.env.TABLE_NAME).toBeUndefined();
  });
});
