import { describe, expect, it } from 'vitest';
import { ModelCallError } from '#adapters/anthropic/claude-failures.ts';
import { ClassifierWithFallback } from '#adapters/classification-engine.ts';
import { classifyByRules, rulesClassifier } from '#domain/classification/rules-classifier.ts';
import type { Classification, EmailClassifier } from '#domain/classification/taxonomy.ts';

const email = {
  from: 'tenant@example.com',
  subject: 'No heat',
  text: 'The furnace is out and it is freezing.',
};
const claudeVerdict: Classification = {
  category: 'maintenance_request',
  urgency: 'high',
  confidence: 0.8,
  engine: 'claude',
  reasons: ['furnace out'],
};

const failingWith = (error: unknown): EmailClassifier => ({ classify: async () => Promise.reject(error) });

describe('ClassifierWithFallback: the classifier port composed', () => {
  it('answers with the primary engine while it answers', async () => {
    const primary: EmailClassifier = { classify: async () => claudeVerdict };
    const unusedFallback = failingWith(new Error('the fallback must not be asked'));

    expect(await new ClassifierWithFallback(primary, unusedFallback).classify(email)).toEqual(claudeVerdict);
  });

  it('answers with the fallback, saying why, when the model call fails', async () => {
    const open = new ModelCallError('circuit_open', undefined, { cause: new Error('open') });

    const result = await new ClassifierWithFallback(failingWith(open), rulesClassifier).classify(email);

    expect(result).toEqual({ ...classifyByRules(email), fallbackReason: 'circuit_open' });
  });

  it('answers with the fallback on any other failure too', async () => {
    const result = await new ClassifierWithFallback(
      failingWith(new TypeError('bug')),
      rulesClassifier,
    ).classify(email);

    expect(result).toEqual({ ...classifyByRules(email), fallbackReason: 'claude_error: unexpected' });
  });
});
