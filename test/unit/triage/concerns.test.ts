import { describe, expect, it } from 'vitest';
import { normalise } from '#domain/classification/normalise.ts';
import {
  accommodation,
  discrimination,
  legalMatter,
  paymentDetailsChange,
  threat,
} from '#domain/triage/concerns.ts';

const finds = (detector: (content: string) => string | undefined, text: string) =>
  detector(normalise(text)) !== undefined;

describe('concerns a person must see', () => {
  it('legal matters: lawyers, courts, notices, claims — English and Spanish', () => {
    expect(finds(legalMatter, 'Our firm represents the former tenant; please see the demand letter.')).toBe(
      true,
    );
    expect(finds(legalMatter, 'If the mold is not fixed I will take you to small claims.')).toBe(true);
    expect(finds(legalMatter, 'Notice of Trustee Sale: the property will be auctioned at foreclosure.')).toBe(
      true,
    );
    expect(finds(legalMatter, 'Mi abogado les va a enviar una carta sobre el depósito.')).toBe(true);
    expect(finds(legalMatter, 'I am the executor of her estate and need to end her lease.')).toBe(true);
    expect(finds(legalMatter, 'I hold power of attorney for my father.')).toBe(false);
    expect(finds(legalMatter, 'Quillan Court building B, the gate is stuck.')).toBe(false);
  });

  it('discrimination claims', () => {
    expect(finds(discrimination, 'You treated us differently because we have kids.')).toBe(true);
    expect(finds(discrimination, 'Me negaron la renta por mi nacionalidad, esto es discriminación.')).toBe(
      true,
    );
    expect(finds(discrimination, 'The leasing agent told us to learn English before applying.')).toBe(true);
    expect(finds(discrimination, 'El encargado me dijo que aprenda inglés si quiero que me atiendan.')).toBe(
      true,
    );
    expect(
      finds(
        discrimination,
        "The agent said the building isn't set up for kids and we'd be happier elsewhere.",
      ),
    ).toBe(true);
    expect(finds(discrimination, 'Is there a discount for seniors?')).toBe(false);
    expect(finds(discrimination, 'Because of my disability I need a parking space near the door.')).toBe(
      false,
    );
    expect(finds(discrimination, 'I do not speak English well, can you write in Spanish?')).toBe(false);
  });

  it('disability-related requests', () => {
    expect(
      finds(accommodation, 'I would like to request a reasonable accommodation for my service dog.'),
    ).toBe(true);
    expect(finds(accommodation, 'Necesito un espacio cerca de la entrada por mi discapacidad.')).toBe(true);
    expect(finds(accommodation, 'The window blind is broken in the bedroom.')).toBe(false);
  });

  it('requests to send money somewhere new', () => {
    expect(
      finds(
        paymentDetailsChange,
        'We changed our bank. Please update our ACH details before the next payment.',
      ),
    ).toBe(true);
    expect(finds(paymentDetailsChange, 'Cambié de banco, depositen la renta en mi cuenta nueva.')).toBe(true);
    expect(
      finds(
        paymentDetailsChange,
        'I switched banks; starting in May deposit my owner proceeds into my new savings account.',
      ),
    ).toBe(true);
    expect(finds(paymentDetailsChange, 'I paid rent through the portal yesterday.')).toBe(false);
    expect(finds(paymentDetailsChange, 'Can I pay rent at the other office this month?')).toBe(false);
  });

  it('threats and fear for safety', () => {
    expect(finds(threat, 'My ex keeps showing up and I have a restraining order.')).toBe(true);
    expect(finds(threat, 'El vecino me amenazó con un cuchillo.')).toBe(true);
    expect(finds(threat, 'Fix it this week or you will regret it. I know where the owner lives.')).toBe(true);
    expect(finds(threat, 'Sé dónde vive el encargado y se van a arrepentir.')).toBe(true);
    expect(finds(threat, 'The hallway light is out again.')).toBe(false);
  });
});
