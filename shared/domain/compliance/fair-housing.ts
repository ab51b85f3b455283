import type { FindingSeverity } from '#vocabulary/triage.ts';
import type { ComplianceFinding } from '../drafts/draft.ts';
import { PROTECTED_CLASSES, type ProtectedClass } from './rule-tables.ts';
import { anyOf, type Sentence, wordsBetween } from './text.ts';

/**
 * Protected classes in a draft: a class word next to the reader ("your children", "since you
 * are disabled") or a question about one ("how many kids"), anywhere but in a sentence that
 * says the opposite ("regardless of familial status") or gives safety instructions ("keep
 * children away from the water").
 */

/** Words allowed between the reader and the class word: "your two young children". */
const NEAR = 3;

interface CompiledClass {
  readonly protectedClass: ProtectedClass;
  readonly about?: RegExp;
  readonly inquiries?: RegExp;
  readonly unless?: RegExp;
}

const compile = (sources: readonly string[], flags = '') =>
  sources.length > 0 ? anyOf(sources, flags) : undefined;

const PERSON = anyOf([PROTECTED_CLASSES.personReference], 'g');
const BENIGN = anyOf(PROTECTED_CLASSES.benign);
const CLASSES: readonly CompiledClass[] = PROTECTED_CLASSES.classes.map((protectedClass) => ({
  protectedClass,
  about: compile(protectedClass.about, 'g'),
  inquiries: compile(protectedClass.inquiries),
  unless: compile(protectedClass.unless),
}));

/** Federal classes block everywhere; a state's addition blocks there, and where the state is unknown. */
function severityIn(protectedClass: ProtectedClass, region: string | undefined): FindingSeverity {
  if (protectedClass.federal || region === undefined) return 'blocking';
  return protectedClass.states.some((state) => state.region === region) ? 'blocking' : 'warning';
}

function sourceNote(protectedClass: ProtectedClass, region: string | undefined): string {
  if (protectedClass.federal) return `Protected by the Fair Housing Act (${protectedClass.source.citation}).`;
  const here = protectedClass.states.find((state) => state.region === region);
  if (here) return `Protected in ${here.region} (${here.citation}).`;
  const where = protectedClass.states.map((state) => state.region).join(', ');
  return `Protected by state law in ${where} and by many local ordinances.`;
}

/** Where the class word sits next to a reference to the reader: [start, end] within the sentence. */
function aboutTheReader(pattern: RegExp, plain: string): [number, number] | undefined {
  const people = [...plain.matchAll(PERSON)].map((m) => [m.index, m.index + m[0].length] as const);
  for (const term of plain.matchAll(pattern)) {
    const [start, end] = [term.index, term.index + term[0].length];
    for (const [from, to] of people) {
      if (from >= start && to <= end) return [start, end];
      if (to <= start && wordsBetween(plain, to, start) <= NEAR) return [from, end];
      if (from >= end && wordsBetween(plain, end, from) <= NEAR) return [start, to];
    }
  }
  return undefined;
}

function classMention(compiled: CompiledClass, plain: string): [number, number] | undefined {
  const asked = compiled.inquiries?.exec(plain);
  if (asked) return [asked.index, asked.index + asked[0].length];
  return compiled.about ? aboutTheReader(compiled.about, plain) : undefined;
}

export function protectedClassFindings(
  text: string,
  sentences: readonly Sentence[],
  region: string | undefined,
): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  for (const sentence of sentences) {
    if (BENIGN.test(sentence.plain)) continue;
    for (const compiled of CLASSES) {
      if (compiled.unless?.test(sentence.plain)) continue;
      const span = classMention(compiled, sentence.plain);
      if (!span) continue;
      const { protectedClass } = compiled;
      findings.push({
        rule: `fair_housing.${protectedClass.id}`,
        severity: severityIn(protectedClass, region),
        excerpt: text.slice(sentence.start + span[0], sentence.start + span[1]).slice(0, 300),
        suggestion: `${protectedClass.suggestion} ${sourceNote(protectedClass, region)}`.slice(0, 500),
        source: 'rules',
      });
    }
  }
  return findings;
}
