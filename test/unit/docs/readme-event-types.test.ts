import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '#domain/rentvine/event-types.ts';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The event types the code understands, as `entity → [types]`: the one line to change with the table. */
function understood(): Record<string, string[]> {
  const byEntity: Record<string, string[]> = {};
  for (const [type, entity] of Object.entries(EVENT_TYPES))
    byEntity[entity] = [...(byEntity[entity] ?? []), type];
  return byEntity;
}

/** README's "Connecting Rentvine" list: one bullet per entity, its types in backticks. */
function documented(): Record<string, string[]> {
  const list = README.split('<!-- event-types:start -->')[1]?.split('<!-- event-types:end -->')[0] ?? '';
  const byEntity: Record<string, string[]> = {};
  for (const line of list.split('\n').filter((l) => l.startsWith('- '))) {
    const [types = '', entity = ''] = line.slice(2).split(' → ');
    byEntity[entity.trim()] = [...types.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
  }
  return byEntity;
}

describe('README, Connecting Rentvine', () => {
  it('lists exactly the event types the code understands, by the entity each updates', () => {
    expect(documented()).toEqual(understood());
  });
});
