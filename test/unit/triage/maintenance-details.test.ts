import { describe, expect, it } from 'vitest';
import { maintenanceDetails } from '#domain/triage/maintenance-details.ts';

describe('maintenanceDetails', () => {
  it('names the trade and the place, English and Spanish', () => {
    expect(maintenanceDetails('dishwasher', 'The dishwasher in the kitchen will not drain.', [])).toEqual({
      issueType: 'appliance',
      location: 'kitchen',
      safetyFlags: [],
    });
    expect(maintenanceDetails('', 'El inodoro del baño se tapó otra vez.', [])).toEqual({
      issueType: 'plumbing',
      location: 'bathroom toilet',
      safetyFlags: [],
    });
    expect(maintenanceDetails('', 'There are roaches under the sink.', []).issueType).toBe('pest');
    expect(maintenanceDetails('', 'Paint is peeling off the wall.', []).issueType).toBe('walls_ceiling');
    expect(maintenanceDetails('Hello', 'Something is wrong, can someone come?', [])).toEqual({
      issueType: 'other',
      safetyFlags: [],
    });
  });

  it("takes the trade a hazard calls for before the words'", () => {
    expect(maintenanceDetails('', 'Smells like rotten eggs near the stove.', ['gas']).issueType).toBe('gas');
    expect(maintenanceDetails('', 'Back door was kicked in and will not lock.', ['unsecured_unit'])).toEqual({
      issueType: 'doors_locks',
      location: 'back door',
      safetyFlags: ['unsecured_unit'],
    });
  });

  it('flags the hazards and the risks a technician must know', () => {
    const details = maintenanceDetails(
      '',
      'Water is dripping from the ceiling light in the bedroom, there is black mold on the wall, and my 2 year old sleeps there.',
      ['active_leak'],
    );
    expect(details.safetyFlags).toEqual([
      'active_leak',
      'water_near_electricity',
      'mold',
      'vulnerable_occupant',
    ]);
    expect(
      maintenanceDetails(
        '',
        'Sale agua del enchufe de la cocina y hay moho en la pared; vive aquí mi abuela, persona mayor.',
        [],
      ).safetyFlags,
    ).toEqual(['water_near_electricity', 'mold', 'vulnerable_occupant']);
  });

  it('keeps water and electricity apart when they are separate matters', () => {
    const details = maintenanceDetails(
      '',
      'The bathroom faucet drips a little when it is turned off. Separately, unrelated to that, one of the porch lights needs a new bulb.',
      [],
    );
    expect(details.safetyFlags).toEqual([]);
  });
});
