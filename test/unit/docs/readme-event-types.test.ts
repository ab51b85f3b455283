import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_NAMESPACES } from '#domain/rentvine/event-types.ts';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The namespaces the code understands, one README bullet each: namespace → entity[, role] (evidence). */
function understood(): string[] {
  return Object.entries(EVENT_NAMESPACES).map(
    ([words, { entity, role, evidence }]) =>
      `\`${words}\` → ${entity}${role ? `, ${role}` : ''} (${evidence})`,
  );
}

/** README's "Connecting Rentvine" list, between its markers. */
function documented(): string[] {
  const list = README.split('<!-- event-types:start -->')[1]?.split('<!-- event-types:end -->')[0] ?? '';
  return list
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2));
}

describe('README, Connecting Rentvine', () => {
  it('lists exactly the event namespaces the code understands, by the entity each updates', () => {
    expect(documented()).toEqual(understood());
  });
});
