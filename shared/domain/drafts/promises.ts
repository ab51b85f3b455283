import { folded } from './localized.ts';

/**
 * What no reply may say before a person decides it: an outcome, an amount, a date or a legal
 * position promised to the sender. Matched on folded text (lower case, no accents), English and
 * Spanish. Templates are tested against it; a Claude draft that says one is refused.
 */
export const PROMISE_PATTERNS: readonly RegExp[] = [
  /\bguarantee/,
  /\bpromis/,
  /\bwill be (fixed|repaired|resolved|replaced|done|completed|finished) (by|on|today|tomorrow|this|next|within)\b/,
  /\b(refund|reimburse\w*|credit|rebate) of \$/,
  /\bwe will (refund|reimburse|waive|credit|pay|cover|forgive|reduce)\b/,
  /\bwaiv(e|ed|ing)\b/,
  /\b(is|has been|will be) approved\b/,
  /\byou (are|will be) (entitled|eligible)\b/,
  /\byou have the (legal )?right\b/,
  /\b(not|never) (be )?(liable|responsible)\b/,
  /\bwe are (liable|responsible) for\b/,
  /\bno late fees?\b/,
  /\b(free of charge|at no cost|no charge)\b/,
  /\bby (monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|end of (the )?(day|week))\b/,
  /\bgarantiz/,
  /\bprometemos\b|\bpromesa\b/,
  /\b(le )?(reembolsaremos|devolveremos|condonaremos|perdonaremos|exoneraremos|cubriremos|pagaremos)\b/,
  /\breembolso de \$/,
  /\b(quedara|sera|estara) (reparad[oa]|arreglad[oa]|resuelt[oa]|aprobad[oa])\b/,
  /\b(ha sido|fue) aprobad[oa]\b/,
  /\busted tiene (el )?derecho\b/,
  /\bno (es|sera|somos|seremos) responsables?\b/,
  /\bsin (cargo|costo)\b|\bgratis\b/,
  /\bpara (el )?(lunes|martes|miercoles|jueves|viernes|sabado|domingo|manana)\b/,
];

/** The promises a text makes, as the words that made them. */
export function promisesIn(text: string): string[] {
  const subject = folded(text);
  return PROMISE_PATTERNS.flatMap((pattern) => {
    const match = pattern.exec(subject);
    return match ? [match[0]] : [];
  });
}
