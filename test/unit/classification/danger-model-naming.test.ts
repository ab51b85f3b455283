import { describe, expect, it } from 'vitest';
import { type DangerModelData, dangerFindings } from '#domain/classification/danger-model.ts';

/**
 * Which hazard the safety net names when it speaks, pinned per family with sentences written for
 * this test. The model below calls every message with a hazard concept an emergency and weighs no
 * concept over another, so what is pinned is the naming rule (danger-model.ts rankHazardConcepts),
 * not a weight.
 */
const speaksAlways: DangerModelData = { words: false, l2: 0, bias: 10, threshold: 0, weights: {} };
const named = (text: string) => dangerFindings(`note\n${text}`, speaksAlways).map((f) => f.hazard);

describe('the hazard the safety net names', () => {
  it.each([
    ['gas', 'there is a rotten egg smell by the stove and my head is pounding'],
    ['gas', 'huele a gas en la cocina y me duele la cabeza'],
    ['carbon_monoxide', 'the carbon monoxide detector keeps going off and we all feel dizzy'],
    ['fire', 'there are flames coming out of the grill on the back patio'],
    ['smoke', 'grey smoke is drifting out from under the neighbour door'],
    ['smoke', 'sale humo por la ventila del pasillo'],
    ['electrical', 'the outlet behind the couch smells like burning plastic'],
    ['electrical', 'el enchufe de la cocina huele a quemado'],
    ['flooding', 'the basement has a foot of water and it keeps rising toward the furnace'],
    ['active_leak', 'water is pouring through the bedroom ceiling and soaking the carpet'],
    ['active_leak', 'water is running out of the hallway light fixture'],
    ['sewage', 'sewage is coming up out of the tub and spreading across the bathroom floor'],
    ['no_heat', 'the furnace has not come on since yesterday and it is 10 degrees outside'],
    ['no_heat', 'la calefaccion no prende y afuera estamos bajo cero'],
    ['no_cooling', 'the AC quit, outside it is 108, and grandma feels dizzy'],
    ['no_cooling', 'they cut off our power and inside it is 96 degrees'],
    ['no_water', 'no water comes out of any tap since this morning and I have a newborn'],
    ['no_water', 'no sale nada de agua de ninguna llave desde ayer'],
    ['unsecured_unit', 'someone kicked in the back door and now it will not lock'],
    ['unsecured_unit', 'la chapa gira y gira y no cierra, y ya va a oscurecer'],
    ['structural', 'the balcony is pulling away from the building and wobbles underfoot'],
    ['trapped', 'my son is stuck in the elevator between the fourth and fifth floors'],
    ['trapped', 'mi hija esta encerrada en el bano y no abre'],
  ])('%s: %s', (hazard, text) => {
    expect(named(text)).toEqual([hazard]);
  });

  it('needs the weather for a lost supply and someone for a trap', () => {
    expect(named('the furnace has not come on since yesterday, a mild week')).toEqual([]);
    expect(named('the AC quit this afternoon')).toEqual([]);
    expect(named('the freight elevator is stuck on floor 9 with its doors open')).toEqual([]);
  });

  it('reads a heat that is the weather in a room as no cooling, not an electrical fault', () => {
    expect(named('our cooler stopped working and it is so hot in here, 97 inside')).toEqual(['no_cooling']);
  });
});
