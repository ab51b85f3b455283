/**
 * How detectHazards' time grows with one long run-on word (review item 7: a clause pattern of the
 * shape ^(?!.*X).*Y took quadratic time). Prints the time at 25 kB and 100 kB of each hostile
 * repetition and their ratio: about 4 is linear, about 16 quadratic. A ratio, not a timing test.
 *   node --import tsx bench/hazard-scaling.ts
 */
import { detectHazards } from '#domain/classification/hazards.ts';

const HOSTILE = ['spark', 'smell', 'crack', 'leak', 'chirp', 'water ', 'a'];

function millis(text: string): number {
  const start = performance.now();
  detectHazards(text);
  return performance.now() - start;
}

for (const word of HOSTILE) {
  const at = (bytes: number) => `Subject\n${word.repeat(Math.ceil(bytes / word.length))} when i plug`;
  millis(at(1_000));
  const small = millis(at(25_000));
  const large = millis(at(100_000));
  console.log(
    `${JSON.stringify(word).padEnd(9)} 25 kB ${small.toFixed(0).padStart(5)} ms, 100 kB ${large.toFixed(0).padStart(6)} ms, ratio ${(large / Math.max(small, 1)).toFixed(1)}`,
  );
}
