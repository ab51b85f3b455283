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

/**
 * Concepts, not phrases: each case below is worded apart from the labelled sets, with the
 * near-misses that share its words and must stay out.
 */
describe('concerns by concept', () => {
  it.each([
    [
      'a veiled threat to staff',
      'If that door is not fixed by Monday I will deal with your maintenance guy personally.',
    ],
    [
      'taking it into their own hands',
      'Third night of this. I am going to go over there and settle it myself, and it will not be pretty.',
    ],
    [
      'a threat with a weapon named',
      'Tell the office I keep a bat by the door for the next person who comes in without notice.',
    ],
    [
      'self-harm, veiled',
      'Everyone would be better off without me. I just wanted you to know why rent will be late.',
    ],
    ['self-harm, said plainly', "Honestly I don't want to be alive anymore, I can't handle this place."],
    ['violence at home', 'My boyfriend hits me and I need the locks changed before he comes back.'],
    ['afraid of a partner', 'My ex was released and has been parked outside; I am scared he will get in.'],
    ['amenaza al personal', 'Si no arreglan esto voy a ir a la oficina y no voy a ser amable con nadie.'],
    ['autolesion', 'Ya no quiero vivir, todo esto me supera.'],
    ['violencia en casa', 'Mi pareja me golpea y necesito cambiar la cerradura.'],
  ])('threat: %s', (_what, text) => {
    expect(finds(threat, text)).toBe(true);
  });

  it.each([
    ['at the end of their rope', 'I am at the end of my rope with the mold, I do not know what else to do.'],
    ['cannot cope', "I can't cope anymore, I haven't slept in a week because of the noise."],
    ['falling apart', 'I am falling apart, please just tell me if we are going to be evicted.'],
    ['a death', 'My mother passed away last week and I do not know how to handle her apartment.'],
    ['fear of losing the home', 'I lost my job and I am terrified we will end up on the street.'],
    ['sin saber que hacer', 'No se que hacer, ya no puedo mas con esta situacion.'],
    ['un fallecimiento', 'Mi esposo fallecio y no puedo pagar sola la renta.'],
    ['miedo al desalojo', 'Por favor no nos saquen, tengo tres ninos y no tenemos a donde ir.'],
  ])('distress: %s', (_what, text) => {
    expect(finds(threat, text)).toBe(true);
  });

  it.each([
    "I'm dying to know whether the pool opens this weekend.",
    'This heat is killing me, can someone look at the AC this week?',
    'The noise is driving me crazy, can you remind them of quiet hours?',
    'The killer deal on the 2-bedroom, is it still available?',
    'My back is killing me after moving all the boxes, ha.',
    'I could just die of embarrassment, I locked myself out again.',
    'The pest guy said he would kill the wasps tomorrow.',
    'Our plant died while we were away, no big deal.',
    'I am stressed about the move but everything is on track.',
    'Me muero de ganas de ver el departamento nuevo.',
    'Este calor me esta matando, cuando vienen a ver el aire?',
    'Please help me understand the new fee on my ledger.',
    'We lost the key to the mailbox, can we get a new one?',
  ])('no concern: %s', (text) => {
    expect(finds(threat, text)).toBe(false);
  });

  it.each([
    'I was told my application was denied because of my accent.',
    'The maintenance man keeps making comments about my body when he comes in.',
    'Your leasing agent asked whether I plan to get pregnant before approving us.',
    'The manager said they do not rent to people on disability income.',
    'They showed the apartment to the white couple but told us it was taken.',
    'El encargado me dijo que no le renta a personas con vales de vivienda.',
    'El de mantenimiento me hace comentarios sobre mi cuerpo y me incomoda.',
  ])('discrimination or harassment: %s', (text) => {
    expect(finds(discrimination, text) || finds(threat, text)).toBe(true);
  });

  it.each([
    'Starting next month please send my distributions to the account below instead.',
    'Please use our new remit-to: Acme Plumbing LLC, account ending 4410.',
    'Send my refund to my daughter instead of me, here are her bank details.',
    'I got a text saying rent now goes to a Zelle account, is that real?',
    'A man at the door says rent should be paid with gift cards now. Is that true?',
    'Please update my autopay to draw from my new bank, routing and account below.',
    'Pay the deposit refund to this account instead: routing 000000000.',
    'Por favor manden mi reembolso a la cuenta de mi hermano.',
    'Me dijeron que la renta ahora se paga en otra cuenta, ¿es cierto?',
    'Quiero cambiar la cuenta de donde se cobra la renta.',
    // The same news without the sender's own doing, or with money pointed somewhere new as well.
    'My new bank account is with Chase.',
    'Please update our bank details, we cannot log in to the portal.',
    'I set up autopay on the portal myself; also send my deposit refund to my daughter instead.',
  ])('payment destination changes: %s', (text) => {
    expect(finds(paymentDetailsChange, text)).toBe(true);
  });

  it.each([
    'I updated my autopay on the portal to my new debit card, just letting you know.',
    'I set up autopay through the portal this morning.',
    'Can I pay rent with a money order this month?',
    'Where do I send the rent check now that the office moved?',
    'My new account on the portal will not let me log in.',
    'Please send my refund check to my forwarding address once you have it.',
    'I opened a new account on the resident app, how do I add my roommate?',
    'Ya actualice mi pago automatico en el portal.',
    // The sender did it themselves: that wins over however the new account is described.
    'My new bank account is with Chase, I set up autopay on the portal myself.',
    'We changed banks last month and I already updated the ACH details.',
    'New checking account, I set it all up myself.',
    'Tengo una cuenta nueva en otro banco, ya la configure en el portal.',
  ])('no payment change: %s', (text) => {
    expect(finds(paymentDetailsChange, text)).toBe(false);
  });
});

/**
 * A second batch, written after the cases above were passing and scored once before any change:
 * 2 of 20 concerns found, 1 of 15 near-misses flagged. Its misses taught the kinds (conditional
 * threats, veiled self-harm, despair, preference and "after I mentioned…" refusals, payees, new
 * channels); the portal's self-service stays out.
 */
describe('concerns by concept, second batch', () => {
  it.each<[string, (content: string) => string | undefined]>([
    ['Tell your maintenance man if he enters my unit again without notice he will not walk out.', threat],
    ['I swear if the super comes in one more time unannounced somebody is getting hurt.', threat],
    ["Some days I think about just not being here anymore. Sorry, I know that's not your problem.", threat],
    ['My husband gets violent when he drinks and I need to know if I can break the lease.', threat],
    ['I have a protective order against my ex and he just showed up in the lobby.', threat],
    ['I am a wreck, I cry every night because of the mold and my baby keeps getting sick.', threat],
    ["We have been sleeping in the car since the fire and I honestly can't keep going like this.", threat],
    ['Estoy desesperada, me van a cortar la luz y no tengo con que pagar.', threat],
    ['Mi esposo me amenazo con quemar el departamento si lo dejo.', threat],
    ['Si vuelven a entrar sin avisar, alguien va a salir lastimado.', threat],
    ['The leasing agent said they prefer tenants who go to church.', discrimination],
    ['We were told the pool is adults only and our kids cannot use it.', discrimination],
    [
      'The manager texts me late at night asking me to come over, and I am scared to complain.',
      discrimination,
    ],
    ['After I mentioned my wheelchair, the unit was suddenly no longer available.', discrimination],
    ['Nos dijeron que no aceptan familias con bebes en el segundo piso.', discrimination],
    [
      'Effective this month, kindly direct all owner draws to the Chase account ending 8812.',
      paymentDetailsChange,
    ],
    [
      'We have moved our banking; the updated ACH form is attached for your vendor file.',
      paymentDetailsChange,
    ],
    ['Please make the refund payable to my new landlord and mail it to them.', paymentDetailsChange],
    ['Could you split my distribution and send half to my sister from now on?', paymentDetailsChange],
    [
      'Recibi una carta que dice que ahora hay que pagar la renta por Western Union, es verdad?',
      paymentDetailsChange,
    ],
  ])('found: %s', (text, detector) => {
    expect(finds(detector, text)).toBe(true);
  });

  it.each<[string, (content: string) => string | undefined]>([
    ['The smoke detector chirp is killing me, can someone swap the battery?', threat],
    ['I nearly died laughing at the pool party flyer, thank you.', threat],
    ['Our old cat passed away last year so we no longer have a pet on the lease.', threat],
    ['Can you take care of the wasp nest? It is by the door.', threat],
    ['I am at a loss about which parking spot is mine.', threat],
    ['Se me murio el celular, por eso no conteste.', threat],
    ['I will handle the cleaning myself before move-out.', threat],
    ['The children love the new playground, thank you!', discrimination],
    ['Is the pool adults only during lap swim hours?', discrimination],
    ['My wheelchair-bound father is visiting, is there a ramp at the side entrance?', discrimination],
    ['I moved banks so my autopay failed; I already fixed it on the portal.', paymentDetailsChange],
    ['Can I pay with Zelle or only through the portal?', paymentDetailsChange],
    ['Please send the refund check to my new address when it is ready: 5 Elm Ct.', paymentDetailsChange],
    ['Me cambie de banco pero ya actualice el pago en el portal.', paymentDetailsChange],
    ['We paid the vendor invoice from the operating account yesterday.', paymentDetailsChange],
  ])('left out: %s', (text, detector) => {
    expect(finds(detector, text)).toBe(false);
  });
});
