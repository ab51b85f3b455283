import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TableWebhookSecrets } from '#adapters/secrets/webhook-secrets.ts';
import { startTestStack, type TestStack } from '#test/support/test-stack.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.stop());

describe('webhook secrets kept in the table (local runs)', () => {
  it('reads an org secret once per few seconds, so a burst of deliveries costs one read', async () => {
    const table = stack.resources.tables.main;
    const admin = new TableWebhookSecrets(table);
    const ingest = new TableWebhookSecrets(table);
    await admin.setSecrets('org-cache', ['first-test-secret']);
    expect(await ingest.secretsFor('org-cache')).toEqual(['first-test-secret']);

    // Rotated elsewhere: this instance keeps its copy for a few seconds (as Secrets Manager's cache does in AWS).
    await admin.setSecrets('org-cache', ['second-test-secret', 'first-test-secret']);
    expect(await ingest.secretsFor('org-cache')).toEqual(['first-test-secret']);
    expect(await new TableWebhookSecrets(table).secretsFor('org-cache')).toEqual([
      'second-test-secret',
      'first-test-secret',
    ]);
  });

  it('caches an org without secrets like one with, so an unknown org costs no extra reads', async () => {
    const table = stack.resources.tables.main;
    const ingest = new TableWebhookSecrets(table);
    expect(await ingest.secretsFor('org-late')).toEqual([]);
    await new TableWebhookSecrets(table).setSecrets('org-late', ['late-test-secret']);
    // Seeded elsewhere: this instance keeps its answer for a few seconds, as for a rotation.
    expect(await ingest.secretsFor('org-late')).toEqual([]);
    expect(await new TableWebhookSecrets(table).secretsFor('org-late')).toEqual(['late-test-secret']);
    // Seeded through the same instance: at once.
    await ingest.setSecrets('org-late', ['late-test-secret']);
    expect(await ingest.secretsFor('org-late')).toEqual(['late-test-secret']);
  });
});
