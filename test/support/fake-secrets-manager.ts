import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/**
 * A stand-in for the Secrets Manager API (JSON protocol: GetSecretValue, PutSecretValue, CreateSecret) on 127.0.0.1:0,
 * so the real SDK and Powertools parameters can be exercised offline. No emulator for it runs
 * on these machines.
 */
export interface FakeSecretsManager {
  readonly endpoint: string;
  /** Secret names asked for, in order. */
  readonly requests: readonly string[];
  put(name: string, value: string): void;
  /** A secret's current value, as the fake holds it. */
  get(name: string): string | undefined;
  close(): Promise<void>;
}

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
      const target = req.headers['x-amz-target'];
      if (target === 'secretsmanager.PutSecretValue' || target === 'secretsmanager.CreateSecret') {
        const { SecretId, Name, SecretString } = JSON.parse(body) as Record<string, string>;
        const name = (SecretId ?? Name) as string;
        if (target === 'secretsmanager.PutSecretValue' && !secrets.has(name)) {
          answer(400, { __type: 'ResourceNotFoundException', message: "can't find the specified secret" });
          return;
        }
        secrets.set(name, SecretString ?? '');
        answer(200, { ARN: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${name}`, Name: name });
        return;
      }
      if (target !== 'secretsmanager.GetSecretValue') {
        answer(400, {
          __type: 'InvalidRequestException',
          message: 'only Get/PutSecretValue and CreateSecret are faked',
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
    get: (name) => secrets.get(name),
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
