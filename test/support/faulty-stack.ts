import { type Fault, type FaultProxy, startFaultProxy } from './fault-proxy.ts';
import { createTestOrg, type TestOrg } from './orgs.ts';
import { startTestStack, type TestStack } from './test-stack.ts';

export interface FaultyStack {
  readonly stack: TestStack;
  readonly proxy: FaultProxy;
  readonly org: TestOrg;
  stop(): Promise<void>;
}

/**
 * The test stack with a fault-injecting proxy in front of one emulator, and an org to deliver
 * for. Call before any handler or adapter builds its (shared) client for that service.
 */
export async function startFaultyStack(
  endpoint: 'AWS_ENDPOINT_URL_DYNAMODB' | 'AWS_ENDPOINT_URL_SQS',
  fault: Fault,
): Promise<FaultyStack> {
  const stack = await startTestStack();
  const proxy = await startFaultProxy({ target: stack.env[endpoint] ?? '', fault });
  process.env[endpoint] = proxy.url;
  const org = await createTestOrg(stack.resources.tables.main);
  return {
    stack,
    proxy,
    org,
    async stop() {
      await proxy.stop();
      await stack.stop();
    },
  };
}
