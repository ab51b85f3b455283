import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WORK_QUEUES } from '#domain/messaging/outbox.ts';
import {
  type FunctionSpec,
  functionSpec,
  functions,
  messageLifetimeSeconds,
  queueEnvName,
  queues,
  queuesSeenBy,
  tables,
  topics,
  topicsOf,
  visibilityTimeoutSeconds,
} from '#lib/topology.ts';

describe('topology', () => {
  it('lets the sweeper re-send only what has outlived every redelivery of its own queue', () => {
    for (const queue of queues) {
      expect(messageLifetimeSeconds(queue.name)).toBe(
        queue.maxReceiveCount * visibilityTimeoutSeconds(queue.name),
      );
    }
    // An emergency waits on the workflow queue's lifetime, not on the slowest queue's.
    expect(messageLifetimeSeconds('workflow')).toBeLessThan(messageLifetimeSeconds('classify'));
  });

  it('names every function, route and queue consumer once', () => {
    const names = functions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    const routes = functions.flatMap((f) =>
      'routes' in f ? f.routes.map((r) => `${r.method} ${r.path}`) : [],
    );
    expect(new Set(routes).size).toBe(routes.length);
    const consumed = functions.flatMap((f) => ('consumes' in f ? [f.consumes.queue] : []));
    expect(consumed.sort()).toEqual(queues.map((q) => q.name).sort());
  });
});

describe('the topology as the registry', () => {
  const specs: readonly FunctionSpec[] = functions;

  it('bounds every queue consumer, the classifier most tightly (Anthropic rate limits)', () => {
    for (const spec of specs) {
      // SQS event sources accept a MaximumConcurrency from 2 to 1000.
      if (spec.consumes) expect(spec.consumes.maxConcurrency).toBeGreaterThanOrEqual(2);
    }
    const bounds = specs.flatMap((spec) => (spec.consumes ? [spec.consumes.maxConcurrency] : []));
    expect(functionSpec('classifier').consumes.maxConcurrency).toBe(Math.min(...bounds));
  });

  // A binding is a grant: one the handler never reads is a permission nobody needs.
  it.each(specs.map((spec) => [spec.name, spec] as const))(
    '%s reads every table and queue it is bound to (and so granted)',
    (_name, spec) => {
      const source = readFileSync(new URL(`../../${spec.entry}`, import.meta.url), 'utf8');
      // A handler reaching every work queue by name (the sweeper) reads each queue's variable.
      const readsEveryQueue = source.includes(
        'WORK_QUEUES.map((queue) => [queue, config[queueEnvName(queue)]])',
      );
      const bound = [
        ...spec.tables.map((table) => tables[table].env),
        ...(readsEveryQueue ? [] : queuesSeenBy(spec).map(queueEnvName)),
      ];
      for (const variable of bound)
        expect(source, `${spec.entry} reads ${variable}`).toContain(`config.${variable}`);
      if (readsEveryQueue) expect(queuesSeenBy(spec)).toEqual(expect.arrayContaining([...WORK_QUEUES]));
    },
  );

  // The engine is being wired into these handlers (they do not publish yet): `it.fails` until then,
  // so the day a handler reads its topic this fails and the name must leave the list.
  const publishers = specs.filter((spec) => topicsOf(spec).length > 0);
  for (const spec of publishers) {
    it(`${spec.name} reads the ARN of every topic it publishes to (and so is granted)`, () => {
      const source = readFileSync(new URL(`../../${spec.entry}`, import.meta.url), 'utf8');
      for (const topic of topicsOf(spec))
        expect(source, `${spec.entry} reads ${topics[topic].env}`).toContain(`config.${topics[topic].env}`);
    });
  }

  it('declares the topics once each: workflow notices from the workflow function and the desk queue’s writers (api, classifier, sweeper), pages from the workflow runner and the sweeper', () => {
    expect(Object.keys(topics)).toEqual(['workflowNotices', 'pages']);
    expect(topics.workflowNotices.env).toBe('WORKFLOW_NOTICES_TOPIC_ARN');
    const publishing = (topic: string) =>
      publishers
        .filter((spec) => (topicsOf(spec) as readonly string[]).includes(topic))
        .map((spec) => spec.name);
    expect(publishing('workflowNotices').sort()).toEqual(['api', 'classifier', 'sweeper', 'workflow']);
    // Pages: the workflow runner's first round of an emergency page, the sweeper's re-pages and escalations.
    expect(topics.pages.env).toBe('PAGES_TOPIC_ARN');
    expect(publishing('pages').sort()).toEqual(['sweeper', 'workflow']);
    const variables = Object.values(topics).map((topic) => topic.env);
    expect(new Set(variables).size).toBe(variables.length);
  });

  it('derives a queue variable from the queue name alone', () => {
    expect(queueEnvName('events')).toBe('EVENTS_QUEUE_URL');
    expect(queueEnvName('owner-statements')).toBe('OWNER_STATEMENTS_QUEUE_URL');
  });
});
