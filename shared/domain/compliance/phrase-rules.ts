import type { ComplianceFinding } from '../drafts/draft.ts';
import type { ComplianceContext } from '../drafts/ports.ts';
import { LANGUAGE_RULES, type LanguageRule } from './rule-tables.ts';
import { anyOf, type Sentence } from './text.ts';

/**
 * The phrase tables: steering and discouraging language, statements about tenants' legal
 * rights, and promises of outcomes, amounts, dates or legal positions. English and Spanish
 * patterns both run on every draft: a reply can mix them, and neither matches the other's words.
 */

interface CompiledRule {
  readonly rule: LanguageRule;
  readonly patterns: readonly RegExp[];
  readonly unless?: RegExp;
}

const RULES: readonly CompiledRule[] = LANGUAGE_RULES.map((rule) => ({
  rule,
  patterns: rule.patterns.map((source) => anyOf([source])),
  unless: rule.unless && rule.unless.length > 0 ? anyOf(rule.unless) : undefined,
}));

export function phraseFindings(
  text: string,
  sentences: readonly Sentence[],
  context: Pick<ComplianceContext, 'category'>,
): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  for (const { rule, patterns, unless } of RULES) {
    if (rule.skipCategories?.includes(context.category)) continue;
    for (const sentence of sentences) {
      if (unless?.test(sentence.plain)) continue;
      for (const pattern of patterns) {
        const found = pattern.exec(sentence.plain);
        if (!found) continue;
        const start = sentence.start + found.index;
        findings.push({
          rule: rule.rule,
          severity: rule.severity,
          excerpt: text.slice(start, start + found[0].length).slice(0, 300),
          suggestion: rule.suggestion,
          source: 'rules',
        });
        break;
      }
    }
  }
  return findings;
}
