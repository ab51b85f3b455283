import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseQuery } from '#platform/http/query.ts';
import { header } from '#platform/http/request.ts';

const RESERVED = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'];
const name = fc.oneof(fc.constantFrom(...RESERVED), fc.string({ minLength: 1, maxLength: 12 }));

/** As the Lambda runtime hands API Gateway's event over: JSON.parse'd, so `__proto__` is an own key. */
function awsShaped(pairs: readonly [string, string][]): Record<string, string> {
  return JSON.parse(`{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`);
}

describe('request parsing with names like Object.prototype members', () => {
  it('header() finds exactly the sent value, or nothing, whatever the names', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(name, fc.string()), { selector: ([k]) => k }),
        name,
        (pairs, wanted) => {
          const headers = awsShaped(pairs);
          const sent = pairs.filter(([k]) => k.toLowerCase() === wanted.toLowerCase()).map(([, v]) => v);
          const found = header({ headers }, wanted);
          if (sent.length === 0) expect(found).toBeUndefined();
          else expect(sent).toContain(found);
        },
      ),
    );
  });

  it('parseQuery() reads its own parameters and ignores any other name', () => {
    const schema = z.object({ limit: z.coerce.number().int().optional() });
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, fc.string()), { selector: ([k]) => k }), (pairs) => {
        const others = pairs.filter(([k]) => k !== 'limit');
        const single = awsShaped([...others, ['limit', '7']]);
        const multi = Object.fromEntries(Object.entries(single).map(([k, v]) => [k, [v]]));
        expect(
          parseQuery({ queryStringParameters: single, multiValueQueryStringParameters: multi }, schema),
        ).toEqual({ limit: 7 });
      }),
    );
  });
});
