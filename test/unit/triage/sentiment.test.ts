import { describe, expect, it } from 'vitest';
import { detectSentiment } from '#domain/triage/sentiment.ts';

describe('detectSentiment', () => {
  it('hears distress: fear, panic, pleas and dependants in danger', () => {
    expect(detectSentiment("I'm really scared, the alarm keeps going off and I don't know what to do")).toBe(
      'distressed',
    );
    expect(detectSentiment('PLEASE HELP, water everywhere and it keeps rising')).toBe('distressed');
    expect(detectSentiment('The heater died and my newborn is freezing in the crib tonight')).toBe(
      'distressed',
    );
    expect(detectSentiment('Tengo miedo, huele a quemado en la cocina, por favor ayúdenos')).toBe(
      'distressed',
    );
  });

  it('does not take a plain question for a plea', () => {
    expect(detectSentiment('Could you please help me understand the new charge on my ledger?')).toBe(
      'neutral',
    );
    expect(detectSentiment('Mis hijos juegan en el patio. ¿Cuándo cortan el pasto?')).toBe('neutral');
  });

  it('hears anger and disappointment, in English and Spanish', () => {
    expect(detectSentiment('This is the third time I ask. Completely unacceptable.')).toBe('negative');
    expect(detectSentiment('Estoy muy molesta, nadie me ha llamado y ya pasó una semana.')).toBe('negative');
  });

  it('hears gladness beyond a sign-off', () => {
    expect(detectSentiment('Thank you so much, the new fridge is wonderful!')).toBe('positive');
    expect(detectSentiment('Muchas gracias por arreglar la puerta tan rápido, excelente servicio.')).toBe(
      'positive',
    );
    expect(detectSentiment('Please send the lease. Thanks,\nAl')).toBe('neutral');
  });
});
