import { describe, expect, it } from 'vitest';
import { evaluate, parseLabelledEmails, toEmailToClassify } from '#domain/classification/evaluation.ts';

const line = (id: string, category: string, urgency: string) =>
  JSON.stringify({
    id,
    from: 'a@example.com',
    subject: 's',
    body: `body ${id}`,
    label: { category, urgency },
  });

describe('parseLabelledEmails', () => {
  it('reads JSONL, skipping blank lines, and maps body to text', () => {
    const [first] = parseLabelledEmails(`${line('e1', 'spam', 'low')}\n\n`);
    expect(first?.label).toEqual({ category: 'spam', urgency: 'low' });
    expect(first && toEmailToClassify(first)).toEqual({
      from: 'a@example.com',
      subject: 's',
      text: 'body e1',
    });
  });

  it('rejects a label outside the taxonomy', () => {
    expect(() => parseLabelledEmails(line('e1', 'roof', 'low'))).toThrow();
  });
});

describe('evaluate', () => {
  it('computes accuracy, emergency recall and precision, and confusions', () => {
    const emergency = { category: 'maintenance_emergency', urgency: 'emergency' } as const;
    const repair = { category: 'maintenance_request', urgency: 'low' } as const;
    const result = evaluate([
      { id: '1', expected: emergency, actual: emergency },
      { id: '2', expected: emergency, actual: repair },
      { id: '3', expected: repair, actual: emergency },
      { id: '4', expected: repair, actual: { category: 'maintenance_request', urgency: 'high' } },
    ]);
    expect(result).toEqual({
      total: 4,
      categoryAccuracy: 0.5,
      urgencyAccuracy: 0.25,
      emergencyRecall: 0.5,
      emergencyPrecision: 0.5,
      falseEmergencyRate: 0.5,
      confusions: [
        { expected: 'maintenance_emergency', actual: 'maintenance_request', count: 1 },
        { expected: 'maintenance_request', actual: 'maintenance_emergency', count: 1 },
      ],
    });
  });

  it('counts recall and precision as perfect when there is nothing to find or nothing flagged', () => {
    const spam = { category: 'spam', urgency: 'low' } as const;
    expect(evaluate([{ id: '1', expected: spam, actual: spam }])).toMatchObject({
      emergencyRecall: 1,
      emergencyPrecision: 1,
    });
  });
});
