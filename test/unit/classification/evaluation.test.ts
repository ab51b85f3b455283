import { describe, expect, it } from 'vitest';
import { evaluate, parseLabelledEmails, toEmailToClassify } from '#domain/classification/evaluation.ts';

/** One labelled line; `extra` adds fields to the line (`language`) or, under `label`, to the label. */
const line = (
  id: string,
  category: string,
  urgency: string,
  extra: { label?: object; language?: string } = {},
) =>
  JSON.stringify({
    id,
    from: 'a@example.com',
    subject: 's',
    body: `body ${id}`,
    ...(extra.language === undefined ? {} : { language: extra.language }),
    label: { category, urgency, ...extra.label },
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

  it('reads the triage label fields when present', () => {
    const [first] = parseLabelledEmails(
      line('t1', 'maintenance_emergency', 'emergency', {
        language: 'es',
        label: { needsHuman: true, injection: false, hazards: ['gas'] },
      }),
    );
    expect(first).toMatchObject({
      language: 'es',
      label: { needsHuman: true, injection: false, hazards: ['gas'] },
    });
  });

  it('rejects a hazard outside the vocabulary', () => {
    expect(() =>
      parseLabelledEmails(
        line('t1', 'maintenance_emergency', 'emergency', { label: { hazards: ['meteor'] } }),
      ),
    ).toThrow();
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
      falseEmergencyRate: 0,
    });
  });

  it('counts false emergencies among labelled non-emergencies only', () => {
    const emergency = { category: 'maintenance_emergency', urgency: 'emergency' } as const;
    const spam = { category: 'spam', urgency: 'low' } as const;
    const result = evaluate([
      { id: '1', expected: emergency, actual: emergency },
      { id: '2', expected: spam, actual: emergency },
      { id: '3', expected: spam, actual: spam },
      { id: '4', expected: spam, actual: spam },
    ]);
    expect(result.falseEmergencyRate).toBeCloseTo(1 / 3);
    expect(evaluate([{ id: '1', expected: emergency, actual: emergency }]).falseEmergencyRate).toBe(0);
  });
});
