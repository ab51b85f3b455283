/**
 * The lines that open a quoted earlier message in English and Spanish mail clients. Everything
 * from the first one on is the chain. Anchored to a whole line, so a sentence that merely
 * mentions "wrote" is kept. A forward banner is not among them: a forwarded report is news the
 * sender passes on ("FYI see below"), so it stays for triage, whose own chain reading
 * (quoted-chain.ts) decides what of it counts.
 */
const QUOTE_HEADERS: readonly RegExp[] = [
  // On Mon, Jun 3, 2026 at 9:14 AM Jane <jane@example.com> wrote:  (the header may wrap once)
  /^[ \t>]*On\b[^\n]{0,300}(?:\n[^\n]{0,300})?\bwrote:[ \t]*$/im,
  // El lun, 3 jun 2026 a las 9:14, Juan <juan@example.com> escribió:
  /^[ \t>]*El\b[^\n]{0,300}(?:\n[^\n]{0,300})?\bescribi[óo]:[ \t]*$/im,
  // -----Original Message----- / -----Mensaje original-----
  /^[ \t>]*-{2,}[ \t]*(?:Original Message|Mensaje original)[ \t]*-{2,}[ \t]*$/im,
  // Outlook's header block: From: … / Sent: …  and  De: … / Enviado: …
  /^[ \t>]*From:[^\n]*\n[ \t>]*(?:Sent|Date):/im,
  /^[ \t>]*De:[^\n]*\n[ \t>]*(?:Enviado(?: el)?|Fecha):/im,
];

/** A forward's banner: the header block right under it is the forwarded message's own, not a quote. */
const FORWARD_BANNER =
  /^[ \t>]*(?:-{2,}[ \t]*(?:Forwarded message|Mensaje reenviado)[ \t]*-{2,}|Begin forwarded message:)[ \t]*\n(?:[ \t]*\n)*/gim;

/** Where each forwarded message's header block starts. */
function forwardedHeaderStarts(text: string): Set<number> {
  return new Set([...text.matchAll(FORWARD_BANNER)].map((found) => found.index + found[0].length));
}

/** The text before the first quote header (all of it when there is none). */
export function withoutQuotedChain(text: string): string {
  const forwardedHeaders = forwardedHeaderStarts(text);
  let end = text.length;
  for (const header of QUOTE_HEADERS) {
    for (const found of text.matchAll(new RegExp(header.source, `${header.flags}g`))) {
      if (found.index >= end) break;
      if (forwardedHeaders.has(found.index)) continue;
      end = found.index;
    }
  }
  return text.slice(0, end);
}
