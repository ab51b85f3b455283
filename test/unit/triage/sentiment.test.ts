import { describe, expect, it } from 'vitest';
import { detectSentiment } from '#domain/triage/sentiment.ts';

describe('detectSentiment', () => {
  it('hears distress: fear, panic, pleas and dependants in danger', () => {
    expect(
      detectSentiment("I'm really scared, the alarm keeps going off and I don't know what to do", false),
    ).toBe('distressed');
    expect(detectSentiment('PLEASE HELP, water everywhere and it keeps rising', false)).toBe('distressed');
    expect(detectSentiment('The heater died and my newborn is freezing in the crib tonight', false)).toBe(
      'distressed',
    );
    expect(detectSentiment('Tengo miedo, huele a quemado en la cocina, por favor ayúdenos', false)).toBe(
      'distressed',
    );
  });

  it('does not take a plain question for a plea', () => {
    expect(detectSentiment('Could you please help me understand the new charge on my ledger?', false)).toBe(
      'neutral',
    );
    expect(detectSentiment('Mis hijos juegan en el patio. ¿Cuándo cortan el pasto?', false)).toBe('neutral');
    expect(detectSentiment('Do the units have smoke detectors? I have two small kids.', false)).toBe(
      'neutral',
    );
  });

  it('hears anger and disappointment, in English and Spanish', () => {
    expect(detectSentiment('This is the third time I ask. Completely unacceptable.', false)).toBe('negative');
    expect(detectSentiment('Estoy muy molesta, nadie me ha llamado y ya pasó una semana.', false)).toBe(
      'negative',
    );
  });

  it('hears gladness beyond a sign-off', () => {
    expect(detectSentiment('Thank you so much, the new fridge is wonderful!', false)).toBe('positive');
    expect(
      detectSentiment('Muchas gracias por arreglar la puerta tan rápido, excelente servicio.', false),
    ).toBe('positive');
    expect(detectSentiment('Please send the lease. Thanks,\nAl', false)).toBe('neutral');
  });
});
