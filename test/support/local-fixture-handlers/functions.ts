import type { FunctionSpec } from '#lib/topology.ts';

const DIR = 'test/support/local-fixture-handlers';

/** A small deployment for the local runtime's tests: one function of every kind. */
export const fixtureHttp: FunctionSpec = {
  name: 'fixture-http',
  description: 'Echoes its event; a few routes misbehave on purpose',
  entry: `${DIR}/http.ts`,
  timeoutSeconds: 1,
  memoryMb: 256,
  kind: 'http',
  routes: [
    { method: 'GET', path: '/items/{itemId}', auth: 'none', operation: 'echo' },
    { method: 'POST', path: '/items/{itemId}', auth: 'none', operation: 'echo' },
    { method: 'GET', path: '/items/special', auth: 'none', operation: 'echo' },
    { method: 'POST', path: '/upload', auth: 'none', operation: 'echo' },
    { method: 'GET', path: '/private/{itemId}', auth: 'apiKey', operation: 'echo' },
    { method: 'GET', path: '/binary', auth: 'none', operation: 'binary' },
    { method: 'GET', path: '/throws', auth: 'none', operation: 'throws' },
    { method: 'GET', path: '/garbage', auth: 'none', operation: 'garbage' },
    { method: 'GET', path: '/slow', auth: 'none', operation: 'slow' },
    { method: 'GET', path: '/env', auth: 'none', operation: 'env' },
  ],
  sendsTo: [],
  tables: [],
  tableAccess: 'read',
  secrets: [],
};

export const fixtureAuthorizer: FunctionSpec = {
  name: 'fixture-authorizer',
  description: 'Decides by the bearer token alone',
  entry: `${DIR}/authorizer.ts`,
  timeoutSeconds: 1,
  memoryMb: 256,
  kind: 'authorizer',
  sendsTo: [],
  tables: [],
  tableAccess: 'read',
  secrets: [],
};

export const fixtureConsumer: FunctionSpec = {
  name: 'fixture-consumer',
  description: 'Records each delivery; the message body says whether to succeed',
  entry: `${DIR}/consumer.ts`,
  timeoutSeconds: 5,
  memoryMb: 256,
  kind: 'queue',
  // One poller: the poller's tests reason about whole batches.
  consumes: { queue: 'events', batchSize: 10, maxBatchingWindowSeconds: 1, maxConcurrency: 1 },
  sendsTo: [],
  tables: ['main'],
  tableAccess: 'readWrite',
  secrets: [],
};

export const fixtureScheduled: FunctionSpec = {
  name: 'fixture-scheduled',
  description: 'Records each scheduled run',
  entry: `${DIR}/scheduled.ts`,
  timeoutSeconds: 5,
  memoryMb: 256,
  kind: 'schedule',
  schedule: { everyMinutes: 1 },
  sendsTo: [],
  tables: ['main'],
  tableAccess: 'readWrite',
  secrets: [],
};
