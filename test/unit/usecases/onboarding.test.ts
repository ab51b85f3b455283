import { describe, expect, it } from 'vitest';
import { fixedApiKeyPepper } from '#adapters/secrets/api-key-pepper.ts';
import { InMemoryApiKeyStore } from '#test/support/in-memory/api-key-store.ts';
import {
  InMemoryIntegrationStore,
  InMemoryOrgSettingsStore,
  InMemoryOrgStore,
} from '#test/support/in-memory/org-stores.ts';
import { InMemoryWebhookSecrets } from '#test/support/in-memory/webhook-stores.ts';
import { createOrg, OrgExistsError } from '#usecases/create-org.ts';
import { deleteIntegration } from '#usecases/delete-integration.ts';
import { IntegrationIdTakenError, registerIntegration } from '#usecases/register-integration.ts';
import { rotateWebhookSecret, UnknownOrgError } from '#usecases/rotate-webhook-secret.ts';
import { updateOrgSettings } from '#usecases/update-org-settings.ts';

const clock = { now: () => new Date() };

function world() {
  return {
    orgs: new InMemoryOrgStore(),
    settings: new InMemoryOrgSettingsStore(),
    webhookSecrets: new InMemoryWebhookSecrets(),
    apiKeys: new InMemoryApiKeyStore(),
    pepper: fixedApiKeyPepper('unit-test-pepper-not-a-real-one-000000'),
    integrations: new InMemoryIntegrationStore(),
    clock,
  };
}

describe('creating an org', () => {
  it('gives it a record, its settings, a platform secret beside keys set before, and one admin key; never twice', async () => {
    const deps = world();
    await deps.webhookSecrets.setSecrets('acme', ['rentvine-key-set-first']);
    const created = await createOrg(deps, {
      orgId: 'acme',
      name: 'Acme',
      rentvineAccount: 'acme',
      env: 'test',
    });
    expect(await deps.orgs.get('acme')).toMatchObject({ orgId: 'acme', name: 'Acme' });
    expect((await deps.settings.get('acme')).rentvineAccount).toBe('acme');
    expect(await deps.webhookSecrets.entriesFor('acme')).toEqual([
      { secret: created.webhookSecret, origin: 'platform' },
      { secret: 'rentvine-key-set-first' },
    ]);
    expect(created.apiKey).toMatch(/^ak_test_/);
    expect((await deps.apiKeys.list('acme')).map((k) => k.scopes)).toEqual([['admin']]);

    await expect(createOrg(deps, { orgId: 'acme', name: 'Again', env: 'test' })).rejects.toThrow(
      OrgExistsError,
    );
    expect(await deps.apiKeys.list('acme')).toHaveLength(1);
    expect(await deps.webhookSecrets.secretsFor('acme')).toHaveLength(2);
  });

  it("rotating its webhook secret replaces the platform's own only; an org never created is refused", async () => {
    const deps = world();
    const { webhookSecret } = await createOrg(deps, { orgId: 'acme', name: 'Acme', env: 'test' });
    await deps.webhookSecrets.setSecrets('acme', [
      ...(await deps.webhookSecrets.secretsFor('acme')),
      'rentvine-key',
    ]);
    const rotated = await rotateWebhookSecret(deps, { orgId: 'acme', graceSeconds: 3600 });
    expect(await deps.webhookSecrets.entriesFor('acme')).toEqual([
      { secret: rotated.secret, origin: 'platform' },
      { secret: webhookSecret, origin: 'platform', expiresAt: rotated.previousValidUntil },
      { secret: 'rentvine-key' },
    ]);
    await rotateWebhookSecret(deps, { orgId: 'acme', graceSeconds: 0 });
    expect(await deps.webhookSecrets.secretsFor('acme')).not.toContain(webhookSecret);
    expect(await deps.webhookSecrets.secretsFor('acme')).toContain('rentvine-key');
    await expect(rotateWebhookSecret(deps, { orgId: 'ghost', graceSeconds: 0 })).rejects.toThrow(
      UnknownOrgError,
    );
  });
});

describe('org settings, as a merge patch', () => {
  it('sets given members, removes null ones back to their default, keeps absent ones', async () => {
    const deps = world();
    await updateOrgSettings(deps, 'acme', {
      timeZone: 'America/Chicago',
      allowTimestamplessSignature: true,
      region: 'US-TX',
    });
    const after = await updateOrgSettings(deps, 'acme', {
      timeZone: null,
      allowTimestamplessSignature: null,
    });
    expect(after).toEqual({ orgId: 'acme', region: 'US-TX', allowTimestamplessSignature: false });
    expect(await deps.settings.get('acme')).toEqual(after);
  });
});

describe('integrations', () => {
  it("are refused an id another org holds, and another org's delete leaves the integration and its secret", async () => {
    const deps = world();
    const { secret } = await registerIntegration(
      { ...deps, secrets: deps.webhookSecrets },
      { orgId: 'acme', integrationId: 'forms', name: 'Forms' },
    );
    await expect(
      registerIntegration(
        { ...deps, secrets: deps.webhookSecrets },
        { orgId: 'other', integrationId: 'forms', name: 'x' },
      ),
    ).rejects.toThrow(IntegrationIdTakenError);
    expect(await deleteIntegration({ ...deps, secrets: deps.webhookSecrets }, 'other', 'forms')).toBe(false);
    expect(await deps.webhookSecrets.secretsFor('forms')).toEqual([secret]);
    expect(await deleteIntegration({ ...deps, secrets: deps.webhookSecrets }, 'acme', 'forms')).toBe(true);
    expect(await deps.webhookSecrets.secretsFor('forms')).toEqual([]);
  });
});
