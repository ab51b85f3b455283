import type { ComplianceContext } from '#domain/drafts/ports.ts';

/**
 * Realistic replies a property manager would approve as written: none may raise a blocking
 * finding. They mention families in emergencies, accommodation requests, the Fair Housing Act,
 * fees and deposits within the state's limits, and entry with the notice the state requires.
 */
export interface AcceptableDraft {
  readonly label: string;
  readonly text: string;
  readonly context: ComplianceContext;
}

const en = (category: ComplianceContext['category'], region?: string): ComplianceContext => ({
  language: 'en',
  category,
  region,
});
const es = (category: ComplianceContext['category'], region?: string): ComplianceContext => ({
  language: 'es',
  category,
  region,
});

export const ACCEPTABLE_DRAFTS: readonly AcceptableDraft[] = [
  {
    label: 'gas emergency naming the family',
    context: en('maintenance_emergency', 'US-TX'),
    text: "If you smell gas, leave the home now with your family and pets. Do not use light switches, phones or flames inside. Call the gas utility or 911 from outside. Your family's safety comes first; our emergency vendor is on the way and we will call you within the hour.",
  },
  {
    label: 'flood emergency: keep children away, entry without notice',
    context: en('maintenance_emergency', 'US-FL'),
    text: 'Please shut off the water at the main valve in the hallway closet if you can do so safely, and keep your children away from the wet floor and any outlets near it. Because this is an emergency, our plumber may need to enter the unit right away, even if you are not home.',
  },
  {
    label: 'routine repair with a realistic timeline',
    context: en('maintenance_request', 'US-AZ'),
    text: "Thank you for letting us know the dishwasher is not draining. We have opened a work order and our vendor will call you to arrange a visit; most visits happen within two to three business days. We will give you at least two days' notice before anyone enters the unit.",
  },
  {
    label: 'California entry with 24 hours written notice and disclosure',
    context: en('maintenance_request', 'US-CA'),
    text: 'We would like to inspect the bathroom fan. We will send written notice at least 24 hours before the visit, which will be during business hours. This reply was prepared with the help of AI and reviewed by our team.',
  },
  {
    label: 'troubleshooting a tripped GFCI',
    context: en('maintenance_request', 'US-GA'),
    text: 'Before we send someone, you could try pressing the RESET button on the outlet by the kitchen sink; a tripped outlet often cuts power to the others nearby. If that does not help, or you see scorch marks or smell burning, stop and tell us right away.',
  },
  {
    label: 'accommodation acknowledgment',
    context: en('accommodation_request', 'US-NY'),
    text: 'Thank you for your request for a reasonable accommodation regarding an assistance animal. A manager will review it and contact you within five business days. You do not need to share medical details in email.',
  },
  {
    label: 'leasing reply with an equal housing statement',
    context: en('leasing_inquiry', 'US-NC'),
    text: 'Thanks for your interest in 14 Birch Lane. The two-bedroom home is available on July 1 at $1,650 per month. You can book a showing online and apply on our website; we review every application with the same written criteria. We are an equal housing opportunity provider and do not discriminate on the basis of familial status, disability or any other protected characteristic.',
  },
  {
    label: 'leasing reply naming the Fair Housing Act and occupancy',
    context: en('leasing_inquiry', 'US-TX'),
    text: 'The apartment has two bedrooms and the occupancy standard is the one set by the city code. We follow the Fair Housing Act and welcome all applicants regardless of race, religion, national origin, sex, familial status or disability.',
  },
  {
    label: 'rent payment with a Texas late fee within the rules',
    context: en('rent_payment', 'US-TX'),
    text: 'We received your payment of $1,200 on the 2nd. Under your lease, a late fee applies only if rent is still unpaid after the 3rd, so no late fee was charged this month. Your ledger shows a balance of $0.',
  },
  {
    label: 'New York late fee within the cap',
    context: { ...en('rent_payment', 'US-NY'), monthlyRent: 1800 },
    text: 'A reminder that rent is due on the 1st. Per your lease, a late fee of $50 may apply if rent is not received within five days of the due date, starting on the 6th.',
  },
  {
    label: 'North Carolina late fee within the cap',
    context: { ...en('rent_payment', 'US-NC'), monthlyRent: 1000 },
    text: 'Your lease provides a late fee of 5% of the monthly rent ($50) when rent is five days or more late.',
  },
  {
    label: 'payment plan request, no promise',
    context: en('payment_arrangement', 'US-GA'),
    text: 'Thank you for telling us about the delay. We have shared your request for a payment plan with the property manager, who will review your account and reply by email. Until then, the amounts on your ledger stay as they are.',
  },
  {
    label: 'move-out deposit within the California deadline',
    context: en('lease_termination', 'US-CA'),
    text: 'We have received your notice to vacate for June 30. After you return the keys, we will inspect the unit and send the itemized statement and any deposit balance within 21 days. This reply was prepared with the help of AI and reviewed by our team.',
  },
  {
    label: 'move-out deposit within the Texas deadline',
    context: en('lease_termination', 'US-TX'),
    text: 'Please send us your forwarding address in writing. Texas law gives us 30 days after you move out to refund the deposit or send an itemized list of deductions, and we usually do it sooner.',
  },
  {
    label: 'Arizona deposit in business days',
    context: en('lease_termination', 'US-AZ'),
    text: 'Once you have moved out and asked for your deposit, we will mail the refundable balance with an itemized list within 14 business days.',
  },
  {
    label: 'noise complaint',
    context: en('complaint', 'US-FL'),
    text: 'Thank you for letting us know about the noise after 11 pm. We will remind all residents of the quiet hours in the community rules and follow up with the neighbouring unit. Please tell us if it happens again, with the date and time.',
  },
  {
    label: 'owner statement reply',
    context: en('owner_inquiry', 'US-NC'),
    text: 'Your May owner statement is attached in the portal. The distribution of $2,310.45 was sent on June 10; it can take two business days to reach your bank.',
  },
  {
    label: 'renewal offer acknowledgment',
    context: en('lease_renewal', 'US-GA'),
    text: 'Thanks for letting us know you would like to renew. The property manager is preparing the renewal offer and will send it for your review; nothing changes until you both sign it.',
  },
  {
    label: "water heater age, not a person's age",
    context: en('maintenance_request', 'US-NY'),
    text: 'The age of your water heater may be why the water is lukewarm. Our technician will check it and tell you whether it needs a repair or a replacement.',
  },
  {
    label: 'window blind and accent wall',
    context: en('maintenance_request', 'US-GA'),
    text: 'We will replace the broken blind in your bedroom and touch up the accent wall in your living room during the same visit.',
  },
  {
    label: 'Spanish gas emergency with the family',
    context: es('maintenance_emergency', 'US-TX'),
    text: 'Si huele a gas, salga ahora de la vivienda con su familia y sus mascotas. No use interruptores ni llamas. Llame a la compañía de gas o al 911 desde afuera. Un técnico de emergencia va en camino.',
  },
  {
    label: 'Spanish routine repair',
    context: es('maintenance_request', 'US-FL'),
    text: 'Gracias por avisarnos de la fuga debajo del lavabo. Creamos una orden de trabajo y el técnico le llamará para coordinar la visita; normalmente es dentro de dos o tres días hábiles. Le avisaremos con al menos 24 horas de anticipación antes de entrar.',
  },
  {
    label: 'Spanish accommodation acknowledgment',
    context: es('accommodation_request', 'US-NY'),
    text: 'Gracias por su solicitud de ajuste razonable. Un gerente la revisará y se comunicará con usted. No necesita enviarnos información médica por correo.',
  },
  {
    label: 'Spanish leasing reply with fair housing statement',
    context: es('leasing_inquiry', 'US-AZ'),
    text: 'Gracias por su interés. La casa de dos recámaras está disponible el 1 de julio por $1,550 al mes. Puede solicitarla en línea; revisamos todas las solicitudes con los mismos criterios y no discriminamos por raza, religión, origen nacional, sexo, estado familiar ni discapacidad.',
  },
  {
    label: 'Spanish move-out with California disclosure',
    context: es('lease_termination', 'US-CA'),
    text: 'Recibimos su aviso de desocupación. Después de la entrega de llaves, le enviaremos el estado detallado y el saldo de su depósito dentro de 21 días. Esta respuesta se preparó con ayuda de inteligencia artificial y fue revisada por nuestro equipo.',
  },
  {
    label: 'Spanish rent receipt',
    context: es('rent_payment', 'US-NC'),
    text: 'Recibimos su pago de renta de $1,100 el día 3. Su saldo actual es de $0. Gracias.',
  },
];
