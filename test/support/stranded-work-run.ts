import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoWorkflowStore } from '#adapters/dynamodb/workflow-store.ts';
import { SqsWorkQueue } from '#adapters/sqs/work-queue.ts';
import { startLocalRuntime } from '#lib/local/runtime.ts';
import { functions } from '#lib/topology.ts';
import { systemClock } from '#platform/clock.ts';
import { submitEmail } from '#usecases/submit-email.ts';

// One run of the local runtime on a data directory, as its own process (handlers and clients are
// per process, as they are per `npm start`). Run by test/integration/local/stranded-work.test.ts:
//   submit <dataDir>: an emergency email is triaged, then the runtime stops before the
//     workflow stage takes it (the runtime serves no workflow function, so none can), as Ctrl-C
//     right after triage does; prints the email id.
//   resume <dataDir> <emailId>: a full runtime on the same data; prints the email's workflow.

const [phase, dataDir, givenEmailId] = process.argv.slice(2);
if (!dataDir || (phase !== 'submit' && phase !== 'resume'))
  throw new Error('usage: submit|resume <dataDir> [emailId]');
const orgId = 'demo';
const ROUNDS = 200;
const ROUND_MS = 100;

async function until<T>(check: () => Promise<T | undefined>): Promise<T | undefined> {
  for (let round = 0; round < ROUNDS; round += 1) {
    const value = await check();
    if (value !== undefined) return value;
    await sleep(ROUND_MS);
  }
  return undefined;
}

const runtime = await startLocalRuntime({
  dataDir,
  functions: phase === 'submit' ? functions.filter((fn) => fn.name !== 'workflow') : functions,
  pollWaitSeconds: 1,
});
try {
  const emails = new DynamoEmailStore(runtime.resources.tables.main);
  if (phase === 'submit') {
    const queue = new SqsWorkQueue({ classify: runtime.resources.queues.classify.url });
    const { email } = await submitEmail({ emails, queue, clock: systemClock }, orgId, {
      messageId: `<stranded-${Date.now()}@example.com>`,
      from: 'Tenant <tenant@example.com>',
      subject: 'Gas leak',
      text: 'There is a strong smell of gas in the kitchen, please send someone now',
    });
    const classified = await until(async () => (await emails.get(orgId, email.emailId))?.triage);
    process.stdout.write(`RESULT ${JSON.stringify({ emailId: email.emailId, classified })}\n`);
  } else {
    const emailId = givenEmailId ?? '';
    const workflowId = await until(async () => (await emails.get(orgId, emailId))?.workflowId);
    const workflow = workflowId
      ? await new DynamoWorkflowStore(runtime.resources.tables.main).get(orgId, workflowId)
      : undefined;
    process.stdout.write(`RESULT ${JSON.stringify({ workflow })}\n`);
  }
} finally {
  await runtime.stop();
}
