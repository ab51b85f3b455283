import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalRuntime } from '#lib/local/runtime.ts';
import { fixtureAuthorizer, fixtureConsumer, fixtureHttp, fixtureScheduled } from './functions.ts';

// Run as its own process by the runtime test. Node exits only when nothing is left open, so a
// prompt exit proves that a failed start and stop() both released every socket and timer.

// A guarded route without an authorizer: start-up fails after the emulators are already up.
const failure = await startLocalRuntime({ functions: [fixtureHttp], schedules: false }).then(
  () => 'started',
  (error: Error) => error.message,
);
process.stdout.write(`failed start: ${failure}\n`);

const runtime = await startLocalRuntime({
  functions: [fixtureHttp, fixtureAuthorizer, fixtureConsumer, fixtureScheduled],
});
const reply = await fetch(`${runtime.url}/items/1`);
await reply.arrayBuffer();
// Past the scheduler's first run and a few long polls.
await sleep(1500);
await runtime.stop();
process.stdout.write(`stopped after HTTP ${reply.status}\n`);
