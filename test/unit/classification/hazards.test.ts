import { describe, expect, it } from 'vitest';
import { detectHazards } from '#domain/classification/hazards.ts';

const hazardsIn = (text: string) => detectHazards(text).map((finding) => finding.hazard);

describe('detectHazards: situations without the obvious words', () => {
  it.each([
    ['the outlet by the bed is black and hot', 'electrical'],
    ['Water is coming through the ceiling in the bedroom', 'active_leak'],
    ['I smell gas by the stove', 'gas'],
    ['Hola, no hay agua desde la mañana', 'no_water'],
    ['No heat since last night and it is below zero outside', 'no_heat'],
  ] as const)('%s -> %s', (text, hazard) => {
    expect(hazardsIn(text)).toContain(hazard);
  });
});

describe('detectHazards: mentions that are not hazards now', () => {
  it.each([
    ["I don't smell gas anymore"],
    ['what if the outlet sparks?'],
    ['The smoke detector keeps chirping, I think it needs a new battery'],
    ['My neighbour smokes on the balcony and the smoke comes in my window'],
  ])('%s', (text) => {
    expect(detectHazards(text)).toEqual([]);
  });

  it('names the words that decided each hazard', () => {
    expect(detectHazards('no smoke, no sparks, but the outlet is warm')).toEqual([
      { hazard: 'electrical', evidence: 'outlet … is warm' },
    ]);
  });
});
