import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateApiKey, presentedKey } from '#platform/security/api-key.ts';
import { stableId, timeOrderedId } from '#platform/security/ids.ts';
import { KEY_ID } from '#vocabulary/access.ts';
import { EMAIL_ID } from '#vocabulary/emails.ts';
import { EVENT_ID } from '#vocabulary/events.ts';

/*
 * The domain and the contracts take their lists from shared/vocabulary, so they cannot drift
 * apart. What still can is a published format and the ids the platform issues, written apart.
 */
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

  it('api keys: generated, and derived from an opaque dev key', () => {
    for (let n = 0; n < 50; n += 1) expect(generateApiKey('test').keyId).toMatch(KEY_ID);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 512 }), (presented) => {
        expect(presentedKey(presented)?.keyId).toMatch(KEY_ID);
      }),
    );
  });
});
