import type { ComplianceContext } from '#domain/drafts/ports.ts';

/**
 * Drafts a person must not send as written, in varied phrasings (English and Spanish): each must
 * raise at least one blocking finding. Written apart from the rule tables, to judge them.
 */
export interface VariedDraft {
  readonly text: string;
  readonly context: Partial<ComplianceContext>;
}

export const BLOCKED_DRAFTS: readonly VariedDraft[] = [
  { text: "We'd prefer a mature tenant for this unit.", context: {} },
  { text: 'The third floor is better for families without small children.', context: {} },
  { text: 'Given your condition, a ground floor unit makes more sense.', context: {} },
  { text: "We don't rent to people on disability.", context: {} },
  { text: 'Are you planning to have more children?', context: {} },
  { text: 'You might prefer the suburbs, honestly.', context: {} },
  { text: 'Ideal for a single person or couple.', context: {} },
  { text: "We don't allow wheelchairs because the floors scratch.", context: {} },
  { text: 'We will credit your account $50.', context: {} },
  { text: "Don't worry, you won't have to pay for the repair.", context: {} },
  { text: 'Your rent will not increase.', context: {} },
  { text: "We can evict you if you don't pay by Friday.", context: {} },
  { text: 'Si no paga, cambiaremos las cerraduras.', context: { language: 'es' } },
  { text: 'No rentamos a familias con niños.', context: { language: 'es' } },
  { text: 'Le aseguro que no pagará nada.', context: { language: 'es' } },
  { text: 'Do you have kids? The building is quiet.', context: {} },
  { text: 'This apartment would be great for a young couple like you.', context: {} },
  { text: 'We only rent to working professionals.', context: {} },
  { text: 'Sorry, the landlord prefers tenants without kids.', context: {} },
  { text: 'Because you are disabled, we need a bigger deposit.', context: {} },
  { text: 'Your English is not very good, so maybe look elsewhere.', context: {} },
  { text: 'Muslim families usually live on the east side.', context: {} },
  { text: 'El edificio no es para personas con discapacidad.', context: {} },
  { text: 'Los niños no están permitidos en este edificio.', context: { language: 'es' } },
  { text: 'We will give you a full refund of the application fee.', context: {} },
  { text: 'You are not liable for any of the damage.', context: {} },
  { text: 'If you report this to the city, we will not renew your lease.', context: {} },
  { text: "Honestly, with a newborn you'd probably want a place with fewer stairs.", context: {} },
  { text: 'We usually rent this one to couples without kids.', context: {} },
  { text: 'The complex is mostly retirees, so it may be too quiet for a family like yours.', context: {} },
  { text: 'Is your husband going to be on the lease too, or is it just you and the kids?', context: {} },
  { text: "We can't rent to you because of your service dog.", context: {} },
  { text: 'Given your mental health history, we need a co-signer.', context: {} },
  { text: 'Our community is mainly young professionals, so you may not fit in.', context: {} },
  { text: 'We would rather not rent to anyone on housing assistance.', context: { region: 'US-NY' } },
  { text: 'Since you are from Mexico, do you have a green card?', context: { region: 'US-CA' } },
  {
    text: 'Como es usted inmigrante, necesitamos ver sus papeles.',
    context: { region: 'US-CA', language: 'es' },
  },
  { text: 'Este edificio es solo para adultos mayores sin niños.', context: { language: 'es' } },
  { text: 'Con sus hijos, le conviene más otra zona.', context: { language: 'es' } },
  { text: 'Usted no tiene ningún derecho a quejarse.', context: { language: 'es' } },
  { text: "If rent isn't paid by the 5th, we will shut off the power.", context: {} },
  { text: 'Your security deposit is non-refundable.', context: {} },
  { text: "We'll refund your deposit in full once you move out.", context: {} },
  { text: 'The late fee is waived this time, no problem.', context: {} },
  { text: 'I promise the repair will be done this week.', context: {} },
  { text: 'Le prometemos que la reparación estará lista mañana.', context: { language: 'es' } },
  { text: 'We will reimburse you for the hotel.', context: {} },
  { text: 'You waived your right to a refund when you signed the lease.', context: {} },
  {
    text: 'Management will enter whenever necessary without notice.',
    context: { category: 'maintenance_request' },
  },
  {
    text: 'We will send the deposit within 60 days.',
    context: { region: 'US-NY', category: 'lease_termination' },
  },
  {
    text: 'The late fee is $100 per day after the 1st.',
    context: { region: 'US-NC', category: 'rent_payment' },
  },
  {
    text: "We'll come in tomorrow morning with a 1 hour heads up to check the smoke detector.",
    context: { region: 'US-AZ', category: 'maintenance_request' },
  },
];

/** Everyday replies that must pass without a blocking finding. */
export const MORE_ACCEPTABLE_DRAFTS: readonly VariedDraft[] = [
  { text: 'Children under 18 must be listed on the application as occupants.', context: {} },
  { text: 'We have a playground near building C and a pool open until 9 pm.', context: {} },
  { text: 'All families, including those who have children, are welcome to apply.', context: {} },
  { text: "Please keep children and pets away from the technician's work area.", context: {} },
  {
    text: "The technician will replace the smoke detector battery on Tuesday; we'll send notice the day before.",
    context: {},
  },
  { text: 'We shut off the water to building B at 10 am to repair the main line.', context: {} },
  { text: 'We will change the locks today as you requested after the break-in.', context: {} },
  { text: 'If you have lost your keys, we can rekey the lock for a $75 fee under your lease.', context: {} },
  { text: 'Your deposit is held in a separate account at First Bank, as Florida law requires.', context: {} },
  {
    text: 'We received your 30-day notice; a move-out inspection will be scheduled with 48 hours notice.',
    context: {},
  },
  { text: 'We cannot promise a date yet, but we will update you by Friday.', context: {} },
  {
    text: "We're sorry the noise has been disruptive. We will remind the neighbors of the quiet hours.",
    context: {},
  },
  { text: 'Please call 911 first if anyone is hurt.', context: {} },
  { text: 'The elevator will be out of service on Monday for inspection.', context: {} },
  {
    text: 'A la brevedad un técnico se comunicará con usted para programar la visita.',
    context: { language: 'es' },
  },
  { text: 'Por favor mantenga a los niños y mascotas lejos del área mojada.', context: { language: 'es' } },
  { text: 'Su pago fue recibido el 1 de marzo. Gracias.', context: { language: 'es' } },
  {
    text: "Thanks for your application. We'll review it with the same criteria we use for every applicant and reply within three business days.",
    context: {},
  },
  { text: 'Your renewal offer is attached; the proposed rent is $1,525 starting August 1.', context: {} },
  { text: 'The unit has three bedrooms; the occupancy limit follows the city housing code.', context: {} },
  {
    text: 'Thank you for your message. A member of our team will call you tomorrow to discuss the payment options your lease allows.',
    context: {},
  },
  {
    text: "We're sorry for the inconvenience with the hot water. Our plumber has been scheduled and will contact you to confirm a time.",
    context: {},
  },
  {
    text: 'The pool is open to all residents from 8 am to 9 pm. Guests must be accompanied by a resident.',
    context: {},
  },
  {
    text: 'If your smoke alarm is chirping, the battery may be low. We can replace it; please reply with a time that works for you.',
    context: {},
  },
  {
    text: 'We received your request to add a roommate. Please have them complete an application so we can review it with our standard criteria.',
    context: {},
  },
  { text: 'Please remember to move your car by 8 am on Thursday for parking lot resurfacing.', context: {} },
  {
    text: 'Our office will be closed on Monday for the holiday. For emergencies, call the after-hours line.',
    context: {},
  },
  {
    text: 'We understand this has been frustrating. A manager will review your complaint and respond by email.',
    context: {},
  },
  {
    text: 'Thanks for the photos of the ceiling stain. Our roofer will inspect it and we will keep you updated on next steps.',
    context: {},
  },
  {
    text: 'Your lease ends on August 31. If you would like to renew, please let us know by July 1 so we can prepare an offer.',
    context: {},
  },
  {
    text: 'Hola, gracias por su mensaje. Un técnico revisará el aire acondicionado y le avisaremos antes de la visita.',
    context: { language: 'es' },
  },
  {
    text: 'Recibimos su solicitud de renovación. El gerente le enviará la oferta por correo electrónico.',
    context: { language: 'es' },
  },
  {
    text: 'Si usted o alguien en su hogar tiene síntomas por el monóxido de carbono, salga de inmediato y llame al 911.',
    context: { language: 'es', category: 'maintenance_emergency' },
  },
  {
    text: 'Gracias por informarnos del ruido. Recordaremos a los vecinos las horas de silencio.',
    context: { language: 'es' },
  },
  {
    text: 'The owner has asked us to get two bids for the fence repair; we will share them with you for approval.',
    context: { category: 'owner_inquiry' },
  },
  {
    text: 'We received your invoice #4411 for $380 and it is in review for payment.',
    context: { category: 'vendor_billing' },
  },
  {
    text: 'Your application fee is $45 per adult applicant, as listed on our website.',
    context: { category: 'leasing_inquiry' },
  },
  {
    text: 'We can schedule a showing this Saturday at 10 am or 2 pm. Which works better for you?',
    context: { category: 'leasing_inquiry' },
  },
  {
    text: 'Your service animal request has been received and forwarded to the property manager.',
    context: { category: 'accommodation_request' },
  },
  {
    text: 'Please note that your rent of $1,300 is due on the 1st; a late fee under your lease may apply after the 5th.',
    context: { region: 'US-NC', category: 'rent_payment' },
  },
  {
    text: 'We will give you written notice at least 24 hours before entry, between 8 am and 5 pm.',
    context: { region: 'US-TX', category: 'maintenance_request' },
  },
  {
    text: 'Your deposit balance and the itemized statement will be mailed within 14 days of move-out.',
    context: { region: 'US-NY', category: 'lease_termination' },
  },
  {
    text: "We'll need to enter the unit to fix the leak; we will give you two days' notice.",
    context: { region: 'US-AZ', category: 'maintenance_request' },
  },
  { text: 'Our maintenance team tries to respond to routine requests within 48 hours.', context: {} },
];
