import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as accessContract from '#contracts/api-keys.ts';
import * as classificationContract from '#contracts/classification.ts';
import { EMAIL_ID, EMAIL_STATUSES } from '#contracts/emails.ts';
import { EVENT_ID, EVENT_STATUSES } from '#contracts/events.ts';
import { CHECK_STATUSES } from '#contracts/health.ts';
import * as statsContract from '#contracts/stats.ts';
import { AGENT_ID, RATE_LIMIT_PER_MINUTE, SCOPES } from '#domain/access/principal.ts';
import { Role } from '#domain/access/roles.ts';
import { CATEGORIES, ENGINES, URGENCIES } from '#domain/classification/taxonomy.ts';
import * as emails from '#domain/emails/email.ts';
import * as inbox from '#domain/inbox/stored-event.ts';
import { aggregateStats } from '#domain/stats/org-stats.ts';
import * as statsPeriod from '#domain/stats/stats-period.ts';
import * as health from '#platform/health.ts';
import { generateApiKey } from '#platform/security/api-key.ts';
import { stableId, timeOrderedId } from '#platform/security/ids.ts';

/*
 * The contracts publish the domain's vocabulary without importing it (the console must not
 * load the domain). The mappers in functions/api only compile while every domain value is
 * published; these checks keep the lists equal both ways, so neither side drifts silently.
 */
describe('the published vocabulary is the domain’s', () => {
  it.each([
    ['categories', classificationContract.CATEGORIES, CATEGORIES],
    ['urgencies', classificationContract.URGENCIES, URGENCIES],
    ['engines', classificationContract.ENGINES, ENGINES],
    ['email statuses', EMAIL_STATUSES, emails.EMAIL_STATUSES],
    ['event statuses', EVENT_STATUSES, inbox.EVENT_STATUSES],
    ['scopes', accessContract.SCOPES, SCOPES],
    ['roles', accessContract.ROLES, Role.options],
    ['readiness check statuses', CHECK_STATUSES, health.CHECK_STATUSES],
  ] as const)('%s', (_name, published, domain) => {
    expect([...published]).toEqual([...domain]);
  });

  it('workflow states: the ones the stats count', () => {
    const counted = aggregateStats(
      { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' },
      { emails: [], workflows: [], truncated: false },
    ).workflows.byState;
    expect(Object.keys(counted)).toEqual([...statsContract.WORKFLOW_STATES]);
  });

  it('formats and bounds: event ids, agent ids, rate limits and the stats period', () => {
    expect(EVENT_ID.source).toBe(inbox.EVENT_ID.source);
    expect(accessContract.AGENT_ID.source).toBe(AGENT_ID.source);
    expect(accessContract.RATE_LIMIT_PER_MINUTE).toEqual(RATE_LIMIT_PER_MINUTE);
    expect(statsContract.DEFAULT_STATS_DAYS).toBe(statsPeriod.DEFAULT_STATS_DAYS);
    expect(statsContract.MAX_STATS_DAYS).toBe(statsPeriod.MAX_STATS_DAYS);
  });
});

describe('the published id formats take every id the platform issues', () => {
  // A path parameter that refused a real id would answer 404 for a resource that exists.
  it('emails: stable (by messageId) and time-ordered (clock times from 1970 on)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.date({ min: new Date(0), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
        (orgId, messageId, at) => {
          expect(stableId('em', orgId, messageId)).toMatch(EMAIL_ID);
          expect(timeOrderedId('em', at)).toMatch(EMAIL_ID);
        },
      ),
    );
  });

  it('events: derived from the org and the event key', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (orgId, eventKey) => {
        expect(stableId('evt', orgId, eventKey)).toMatch(EVENT_ID);
      }),
    );
  });

  it('api keys', () => {
    for (let n = 0; n < 50; n += 1) expect(generateApiKey('test').keyId).toMatch(accessContract.KEY_ID);
  });
});
