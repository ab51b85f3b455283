import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/**
 * A stand-in for the Secrets Manager API (JSON protocol: GetSecretValue, and ListSecrets by name
 * prefix, two names a page so paging is exercised) on 127.0.0.1:0,
 * so the real SDK and Powertools parameters can be exercised offline. No emulator for it runs
 * on these machines.
 */
export interface FakeSecretsManager {
  readonly endpoint: string;
  /** Secret names asked for, in order. */
  readonly requests: readonly string[];
  put(name: string, value: string): void;
  close(): Promise<void>;
}

const LIST_PAGE = 2;

export async function startFakeSecretsManager(): Promise<FakeSecretsManager> {
  const secrets = new Map<string, string>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      const answer = (status: number, payload: object) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(payload));
      };
      if (req.headers['x-amz-target'] === 'secretsmanager.ListSecrets') {
        const { Filters = [], NextToken } = JSON.parse(body) as {
          Filters?: { Key: string; Values: string[] }[];
          NextToken?: string;
        };
        const prefixes = Filters.filter((f) => f.Key === 'name').flatMap((f) => f.Values);
        const names = [...secrets.keys()].filter((name) => prefixes.every((p) => name.startsWith(p))).sort();
        const start = Number(NextToken ?? 0);
        const more = start + LIST_PAGE < names.length;
        answer(200, {
          SecretList: names.slice(start, start + LIST_PAGE).map((Name) => ({ Name })),
          ...(more ? { NextToken: String(start + LIST_PAGE) } : {}),
        });
        return;
      }
      if (req.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue') {
        answer(400, {
          __type: 'InvalidRequestException',
          message: 'only GetSecretValue and ListSecrets are faked',
        });
        return;
      }
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      requests.push(SecretId);
      const value = secrets.get(SecretId);
      if (value === undefined) {
        answer(400, {
          __type: 'ResourceNotFoundException',
          message: "Secrets Manager can't find the specified secret.",
        });
        return;
      }
      answer(200, {
        ARN: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${SecretId}`,
        Name: SecretId,
        SecretString: value,
        VersionId: 'v1',
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    put: (name, value) => secrets.set(name, value),
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * A fake for the calling test file: started before its tests with the SDK pointed at it (fake
 * credentials), stopped after them. Returns an accessor for the running fake.
 */
export function useFakeSecretsManager(): () => FakeSecretsManager {
  let fake: FakeSecretsManager | undefined;
  beforeAll(async () => {
    fake = await startFakeSecretsManager();
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SECRETS_MANAGER: fake.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'testNotARealKey',
      AWS_SECRET_ACCESS_KEY: 'testNotARealSecret',
    });
  });
  afterAll(async () => {
    delete process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER;
    await fake?.close();
  });
  return () => {
    if (!fake) throw new Error('the fake Secrets Manager starts in beforeAll');
    return fake;
  };
}
