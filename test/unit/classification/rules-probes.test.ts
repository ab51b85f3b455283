import { describe, expect, it } from 'vitest';
import { classifyByRules } from '#domain/classification/rules-classifier.ts';
import { Classification } from '#domain/classification/taxonomy.ts';

/**
 * A category probe set written for these tests, phrased unlike the labelled fixtures (English and
 * Spanish, every category but emergencies, which hazards.test.ts probes): evidence that the cues
 * describe how people write about each subject rather than the fixtures' sentences.
 */
const PROBES: readonly (readonly [string, string, string])[] = [
  ['rent_payment', 'Paid', "Just sent this month's rent through the app, can you make sure it went through?"],
  ['rent_payment', 'Double charge', 'The portal took my payment twice this month, please refund one of them'],
  ['rent_payment', 'recibo', 'Me pueden mandar el recibo de lo que pagué en octubre?'],
  [
    'payment_arrangement',
    'Rent',
    'My paycheck is delayed two weeks, could I split November into two payments?',
  ],
  [
    'payment_arrangement',
    'renta',
    'Tuve una emergencia médica y necesito unos días más para pagar la renta, ¿se puede?',
  ],
  [
    'lease_renewal',
    'lease',
    'Our lease ends in February and we want to stay another year, what are the terms?',
  ],
  ['lease_renewal', 'contrato', '¿Cuándo me mandan el contrato nuevo para firmar? Nos queremos quedar.'],
  [
    'lease_termination',
    'moving',
    'We bought a house and will be leaving at the end of March. How do we give notice?',
  ],
  [
    'lease_termination',
    'deposit',
    'I moved out three weeks ago and still have not received my security deposit',
  ],
  ['lease_termination', 'aviso', 'Les aviso que nos vamos a ir del departamento el 30 de abril'],
  [
    'move_in',
    'keys',
    'My lease starts Friday, what time can I pick up the keys and is there elevator reservation for the movers?',
  ],
  ['move_in', 'utilities', 'Before I move in, which utilities do I need to put in my name?'],
  [
    'leasing_inquiry',
    'apartment',
    'Hi, do you have any one-bedrooms opening up next month? What is the rent and do you take cats?',
  ],
  ['leasing_inquiry', 'tour', 'I would like to see the townhouse on Elm this weekend if possible'],
  ['leasing_inquiry', 'casa', 'Buenas, vi su anuncio de la casa en la calle Pino, ¿todavía está disponible?'],
  ['complaint', 'dog', 'The dog next door has been barking for hours every day while they are at work'],
  [
    'complaint',
    'parking',
    'Someone keeps parking in my assigned spot and I have had to park on the street all week',
  ],
  ['complaint', 'vecinos', 'Los vecinos de arriba hacen fiestas cada fin de semana hasta las 4 de la mañana'],
  [
    'complaint',
    'staff',
    'The woman at the front desk was very rude to me when I asked about my package and I want to file a complaint',
  ],
  [
    'owner_inquiry',
    'my rental',
    'Can you send me the year-end statement for my rental on Oak St for my taxes?',
  ],
  [
    'owner_inquiry',
    'tenant',
    'Has the tenant in my condo paid this month? I did not see the deposit in my account',
  ],
  [
    'owner_inquiry',
    'repair approval',
    'I got your note about the roof. Please go ahead with the repair if it is under $2,000.',
  ],
  [
    'vendor_billing',
    'Invoice',
    'Please find attached our bill for the drain cleaning at 44 Birch, amount due $285, terms net 15.',
  ],
  [
    'vendor_billing',
    'payment status',
    'We have not yet been paid for the painting job completed on the 3rd, invoice 2231. Can you check?',
  ],
  [
    'legal_notice',
    'Notice',
    'This firm represents your former tenant regarding the withholding of her security deposit. Please respond within 14 days.',
  ],
  [
    'legal_notice',
    'Citation',
    'The city has issued a code violation for overgrown vegetation at 19 Park Lane. Correct within 10 days to avoid fines.',
  ],
  [
    'accommodation_request',
    'service animal',
    'I have a psychiatric service dog and need an exception to the no-pets rule; my doctor can provide a letter',
  ],
  [
    'accommodation_request',
    'parking',
    'Because of my disability I need a parking spot closer to the entrance',
  ],
  [
    'accommodation_request',
    'solicitud',
    'Mi mamá usa andador y necesitamos barras de apoyo en el baño, ¿cómo lo solicitamos?',
  ],
  ['general_inquiry', 'hours', 'Is the office open on the holiday Monday?'],
  ['general_inquiry', 'pool', 'When does the pool open for the summer?'],
  ['general_inquiry', 'package', 'Where do I pick up a package that was left at the office?'],
  [
    'spam',
    'Offer',
    'We are investors buying properties in your area for cash, no repairs needed, close in 10 days!',
  ],
  [
    'spam',
    'Account',
    'Your mailbox storage is full. Click here to verify your password and keep receiving mail.',
  ],
  [
    'spam',
    'Marketing',
    'Boost your occupancy with our AI-powered listing syndication. Schedule a free consultation today!',
  ],
  [
    'maintenance_request',
    'dishwasher',
    'The dishwasher is not draining and leaves dirty water at the bottom',
  ],
  ['maintenance_request', 'blinds', 'The blinds in the living room are broken, one slat fell off'],
  [
    'maintenance_request',
    'fridge',
    'Our fridge is making a loud humming noise and the freezer is frosting over',
  ],
  ['maintenance_request', 'inodoro', 'El inodoro no deja de correr el agua, ¿pueden venir a checarlo?'],
  ['maintenance_request', 'pests', 'We found droppings in the pantry, I think we have mice'],
  ['maintenance_request', 'outlet', 'The outlet in the bathroom stopped working, I tried the reset button'],
  ['rent_payment', 'autopay', 'My autopay did not go through this month, can I pay by check at the office?'],
  [
    'rent_payment',
    'Balance',
    'What is my current balance? The portal shows $50 but I thought I was paid up.',
  ],
  ['rent_payment', 'pago', 'Ya deposité la renta en la cuenta del banco, les mando foto del comprobante'],
  [
    'payment_arrangement',
    'behind',
    'I am two months behind after my surgery. Can we work out something so I can catch up over the summer?',
  ],
  [
    'payment_arrangement',
    'ayuda',
    'Perdí mi trabajo y no me alcanza para la renta completa este mes. ¿Puedo dar la mitad ahora?',
  ],
  [
    'lease_renewal',
    'renewal offer',
    'Got the renewal letter. Is the increase negotiable if we sign for two years?',
  ],
  [
    'lease_renewal',
    'month-to-month',
    'Instead of a new 12 month lease, can we go month to month after June?',
  ],
  [
    'lease_termination',
    'job transfer',
    'My company is transferring me to Denver in six weeks. What are my options to get out of the lease early?',
  ],
  [
    'lease_termination',
    'walkthrough',
    'When can we schedule the move-out walkthrough? We will be out by the 28th.',
  ],
  ['lease_termination', 'deposito', 'Ya entregué las llaves hace un mes y no me han devuelto el depósito'],
  [
    'move_in',
    'first day',
    'We get the keys on the 1st. Is there somewhere to park the moving van and can we use the service elevator?',
  ],
  [
    'move_in',
    'renters insurance',
    'The lease says I need renters insurance before move-in. Where do I send the proof?',
  ],
  [
    'leasing_inquiry',
    'application',
    'I submitted an application for the 2BR on Main last week. Any update on approval?',
  ],
  [
    'leasing_inquiry',
    'pets',
    'Do you allow large dogs? I have a 70 lb lab and am looking for a place by August.',
  ],
  [
    'leasing_inquiry',
    'renta',
    'Cuánto piden de depósito para el departamento de dos recámaras y qué requisitos tienen?',
  ],
  [
    'complaint',
    'smell',
    'The people across the hall cook with something that stinks up the whole floor every night',
  ],
  [
    'complaint',
    'trash',
    'The dumpsters behind building D have been overflowing for a week and there are rats',
  ],
  [
    'complaint',
    'management',
    'I have called the office four times about my work order and nobody calls back. This is unacceptable.',
  ],
  [
    'complaint',
    'estacionamiento',
    'Otra vez alguien se estacionó en mi lugar. Ya van tres veces esta semana.',
  ],
  [
    'owner_inquiry',
    'property',
    "How is occupancy looking at my fourplex? And when should I expect this month's payout?",
  ],
  [
    'owner_inquiry',
    'expenses',
    'Why was I charged $600 for landscaping at my property last month? That seems high.',
  ],
  [
    'owner_inquiry',
    'sell',
    'I am thinking about listing my house for sale next spring. Can the tenant stay until then?',
  ],
  [
    'vendor_billing',
    'bill',
    'Attached is the statement for work completed at 12 Cedar: replaced water heater, labor and parts $1,450.',
  ],
  [
    'vendor_billing',
    'quote',
    'Here is our estimate for repainting the hallways at Pine Court: $3,200, valid 30 days.',
  ],
  [
    'legal_notice',
    'eviction',
    'Your hearing in the eviction matter is set for March 3 at 9am, courtroom 4B.',
  ],
  [
    'legal_notice',
    'demand',
    'On behalf of our client we demand payment of $2,300 for damages within 30 days or we will file suit.',
  ],
  [
    'accommodation_request',
    'ESA',
    'I would like to request an emotional support animal. My therapist wrote a letter.',
  ],
  [
    'accommodation_request',
    'hearing',
    'I am deaf and need a visual doorbell or flashing fire alarm installed in my unit',
  ],
  ['general_inquiry', 'guest', 'Can my sister stay with me for two weeks while she visits from out of town?'],
  ['general_inquiry', 'lavandería', 'A qué hora abre la lavandería del edificio?'],
  ['general_inquiry', 'recycling', 'Which day is recycling pickup and where do the bins go?'],
  ['spam', 'Win', 'You are our lucky winner! Claim your free iPad now by entering your card details.'],
  ['spam', 'SEO', 'I noticed your website is not ranking on Google. We can get you to page one in 30 days.'],
  [
    'spam',
    'invoice overdue',
    'Your invoice is overdue. Kindly update payment to our new bank account below immediately.',
  ],
  ['maintenance_request', 'garbage disposal', 'Garbage disposal just hums and will not spin'],
  ['maintenance_request', 'door', 'The bedroom door handle came off in my hand'],
  ['maintenance_request', 'hot water', 'We have had no hot water since yesterday morning'],
  ['maintenance_request', 'regadera', 'La regadera gotea toda la noche y el agua sale muy poca'],
  ['maintenance_request', 'mold', 'There is black mold growing around the bathroom window frame'],
  ['maintenance_request', 'AC filter', 'When was the AC filter last changed? The air feels dusty and weak.'],
  ['rent_payment', 'receipt', 'Can I get a receipt for the cash payment I dropped off Tuesday?'],
  ['rent_payment', 'cargo', 'Por qué me cobraron $75 extra este mes en mi cuenta? No entiendo ese cargo.'],
  [
    'payment_arrangement',
    'short',
    'I will be about $400 short on rent this month because of a car repair. Can I make it up on the 15th?',
  ],
  ['payment_arrangement', 'plan', 'Would you accept weekly payments until I am caught up on the balance?'],
  ['lease_renewal', 'renew', 'Can we renew for six months instead of twelve?'],
  ['lease_termination', 'notice', 'Please accept this as my 30 day notice. My last day will be June 30.'],
  ['lease_termination', 'military', 'I just received PCS orders and need to break my lease under the SCRA.'],
  ['move_in', 'inspection', 'Where do I get the move-in inspection form? I got my keys yesterday.'],
  ['leasing_inquiry', 'showing', 'Can I come see the 3 bedroom house on Maple on Saturday morning?'],
  [
    'leasing_inquiry',
    'requisitos',
    'Qué necesito para aplicar? Tengo un perro pequeño y trabajo por mi cuenta.',
  ],
  [
    'complaint',
    'smoke',
    'My downstairs neighbor smokes inside and it comes up through the vents. This is a non-smoking building.',
  ],
  [
    'complaint',
    'harassment',
    'The maintenance man keeps making comments about my appearance and it makes me uncomfortable.',
  ],
  ['complaint', 'noise', 'Construction noise starts at 6am every day next to my window'],
  [
    'owner_inquiry',
    'statement',
    'I noticed a $300 charge for plumbing on my owner statement. Can you send me the invoice?',
  ],
  [
    'owner_inquiry',
    'rent increase',
    'What do you think about raising rent at my duplex when the lease renews?',
  ],
  [
    'vendor_billing',
    'invoice',
    'Invoice #4471 for the HVAC service call at 22 Lake Dr. Total $189. Due in 30 days.',
  ],
  [
    'vendor_billing',
    'cotización',
    'Le envío la cotización para cambiar el piso del departamento 5: $2,400 material y mano de obra.',
  ],
  [
    'legal_notice',
    'lawsuit',
    'You are hereby served with a summons and complaint. You have 20 days to answer.',
  ],
  ['legal_notice', 'lien', 'Notice of intent to file a mechanics lien for unpaid work at 9 River Rd.'],
  ['accommodation_request', 'ramp', 'My son uses a wheelchair; can a ramp be added at our back door?'],
  [
    'accommodation_request',
    'transfer',
    'Due to my knee condition I can no longer climb stairs. Can I transfer to a ground floor unit?',
  ],
  ['general_inquiry', 'wifi', 'Does the building have wifi in the common room?'],
  [
    'general_inquiry',
    'mail',
    'Which day does the mail usually come, and is there a slot for outgoing letters?',
  ],
  ['spam', 'crypto', 'Invest in our property token today and get 30% returns guaranteed!'],
  [
    'spam',
    'phish',
    'Security alert: unusual sign-in attempt. Confirm your identity here to avoid suspension.',
  ],
  ['maintenance_request', 'cabinet', 'The cabinet door under the sink fell off its hinge'],
  ['maintenance_request', 'washer', 'Our washer will not spin and there is water left in the drum'],
  ['maintenance_request', 'lights', 'Half the lights in the kitchen stopped working, bulbs are new'],
  ['maintenance_request', 'ventana', 'La ventana del cuarto no abre, está atorada'],
  ['maintenance_request', 'bugs', 'I keep seeing small ants in the kitchen along the counter'],
];

describe('classifyByRules on messages it was not tuned on', () => {
  it.each(PROBES)('%s: %s', (category, subject, text) => {
    const result = Classification.parse(
      classifyByRules({ from: 'Someone <someone@example.com>', subject, text }),
    );
    expect(result.category).toBe(category);
  });
});
