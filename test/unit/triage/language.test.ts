import { describe, expect, it } from 'vitest';
import { detectLanguage } from '#domain/triage/language.ts';

describe('detectLanguage', () => {
  it('reads English and Spanish, with or without accents', () => {
    expect(detectLanguage('The dishwasher will not drain and there is water on the floor.')).toEqual({
      language: 'en',
      supported: true,
    });
    expect(detectLanguage('Hola, la lavadora no funciona desde el lunes. ¿Pueden mandar a alguien?')).toEqual(
      {
        language: 'es',
        supported: true,
      },
    );
    expect(
      detectLanguage('hola buenas tardes, el refri no enfria y se echo a perder la comida de mis hijos'),
    ).toEqual({
      language: 'es',
      supported: true,
    });
  });

  it('goes by the words that dominate in a mixed message', () => {
    expect(detectLanguage('Hola! I wanted to ask about the parking pass for my car, gracias').language).toBe(
      'en',
    );
    expect(
      detectLanguage('Buenos días, el AC de la recámara no sirve y hace mucho calor, thanks').language,
    ).toBe('es');
  });

  it('guesses another language and says the rules cannot handle it', () => {
    expect(
      detectLanguage('Bonjour, le chauffage ne marche pas dans mon appartement depuis hier soir.'),
    ).toEqual({
      language: 'fr',
      supported: false,
    });
    expect(detectLanguage('我的公寓里没有热水，请尽快派人来修理。')).toEqual({
      language: 'zh',
      supported: false,
    });
    expect(detectLanguage('В квартире нет горячей воды уже два дня.')).toEqual({
      language: 'ru',
      supported: false,
    });
  });

  it('defaults to English when there is nothing to go on', () => {
    expect(detectLanguage('')).toEqual({ language: 'en', supported: true });
    expect(detectLanguage('#118 $1,180 555-0100')).toEqual({ language: 'en', supported: true });
  });
});
