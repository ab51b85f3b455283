/**
 * The lines that open a quoted earlier message in English and Spanish mail clients. Everything
 * from the first one on is the chain. Anchored to a whole line, so a sentence that merely
 * mentions "wrote" is kept.
 */
const QUOTE_HEADERS: readonly RegExp[] = [
  // On Mon, Jun 3, 2026 at 9:14 AM Jane <jane@example.com> wrote:  (the header may wrap once)
  /^[ \t>]*On\b[^\n]{0,300}(?:\n[^\n]{0,300})?\bwrote:[ \t]*$/im,
  // El lun, 3 jun 2026 a las 9:14, Juan <juan@example.com> escribió:
  /^[ \t>]*El\b[^\n]{0,300}(?:\n[^\n]{0,300})?\bescribi[óo]:[ \t]*$/im,
  // -----Original Message----- / -----Mensaje original-----
  /^[ \t>]*-{2,}[ \t]*(?:Original Message|Mensaje original|Forwarded message|Mensaje reenviado)[ \t]*-{2,}[ \t]*$/im,
  // Outlook's header block: From: … / Sent: …  and  De: … / Enviado: …
  /^[ \t>]*From:[^\n]*\n[ \t>]*(?:Sent|Date):/im,
  /^[ \t>]*De:[^\n]*\n[ \t>]*(?:Enviado(?: el)?|Fecha):/im,
];

/** The text before the first quote header (all of it when there is none). */
export function withoutQuotedChain(text: string): string {
  let end = text.length;
  for (const header of QUOTE_HEADERS) {
    const found = header.exec(text);
    if (found && found.index < end) end = found.index;
  }
  return text.slice(0, end);
}
