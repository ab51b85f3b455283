/** Outlook's "-----Original Message-----" line (also above a forwarded message in older Outlooks). */
const ORIGINAL_MESSAGE_LINE = /^[ \t>]*-{2,}[ \t]*(?:Original Message|Mensaje original)[ \t]*-{2,}[ \t]*$/gim;

/** Outlook's header block, replies and forwards alike: "From: … / Sent: …", "De: … / Enviado: …". */
const OUTLOOK_HEADER_BLOCK =
  /^[ \t>]*(?:From:[^\n]*\n[ \t>]*(?:Sent|Date):|De:[^\n]*\n[ \t>]*(?:Enviado(?: el)?|Fecha):)/gim;

/**
 * The lines that open a quoted earlier message in English and Spanish mail clients. Everything
 * from the first one on is the chain. Anchored to a whole line, so a sentence that merely
 * mentions "wrote" is kept. A forward banner is not among them: a forwarded report is news the
 * sender passes on ("FYI see below"), so it stays for triage, whose own chain reading
 * (quoted-chain.ts) decides what of it counts.
 */
const QUOTE_HEADERS: readonly RegExp[] = [
  // On Mon, Jun 3, 2026 at 9:14 AM Jane <jane@example.com> wrote:  (the header may wrap once)
  /^[ \t>]*On\b[^\n]{0,300}(?:\n[^\n]{0,300})?\bwrote:[ \t]*$/gim,
  // El lun, 3 jun 2026 a las 9:14, Juan <juan@example.com> escribió:
  /^[ \t>]*El\b[^\n]{0,300}(?:\n[^\n]{0,300})?\bescribi[óo]:[ \t]*$/gim,
  ORIGINAL_MESSAGE_LINE,
  OUTLOOK_HEADER_BLOCK,
];

/** A forward's banner: the header block right under it is the forwarded message's own, not a quote. */
const FORWARD_BANNER =
  /^[ \t>]*(?:-{2,}[ \t]*(?:Forwarded message|Mensaje reenviado)[ \t]*-{2,}|Begin forwarded message:)[ \t]*\n(?:[ \t]*\n)*/gim;

/** Where each forwarded message's header block starts. */
function forwardedHeaderStarts(text: string): Set<number> {
  return new Set([...text.matchAll(FORWARD_BANNER)].map((found) => found.index + found[0].length));
}

/** `pattern`'s match starting exactly at `index`, if there is one. */
function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | undefined {
  const sticky = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
  sticky.lastIndex = index;
  return sticky.exec(text) ?? undefined;
}

/** Where the Outlook header block of a quote header at `index` starts: there, or under an Original Message line. */
function outlookBlockAt(text: string, index: number): number | undefined {
  if (matchAt(OUTLOOK_HEADER_BLOCK, text, index)) return index;
  const line = matchAt(ORIGINAL_MESSAGE_LINE, text, index);
  const gap = line && matchAt(/\n(?:[ \t]*\n)*/, text, index + line[0].length);
  const below = gap && gap.index + gap[0].length;
  return below !== undefined && matchAt(OUTLOOK_HEADER_BLOCK, text, below) ? below : undefined;
}

/** The first quote header of a text that is not a forwarded message's own. */
export interface QuoteHeader {
  readonly index: number;
  /**
   * Where its Outlook header block (a reply's or a forward's) starts, when it has one: at `index`,
   * or below the Original Message line at `index`.
   */
  readonly outlookBlock?: number;
}

export function firstQuoteHeader(text: string): QuoteHeader | undefined {
  const forwardedHeaders = forwardedHeaderStarts(text);
  let first: number | undefined;
  for (const header of QUOTE_HEADERS) {
    for (const found of text.matchAll(header)) {
      if (first !== undefined && found.index >= first) break;
      if (forwardedHeaders.has(found.index)) continue;
      first = found.index;
    }
  }
  if (first === undefined) return undefined;
  const outlookBlock = outlookBlockAt(text, first);
  return outlookBlock === undefined ? { index: first } : { index: first, outlookBlock };
}

/** The text before the first quote header (all of it when there is none). */
export function withoutQuotedChain(text: string): string {
  return text.slice(0, firstQuoteHeader(text)?.index ?? text.length);
}
