/**
 * The user turn of a model call: a fixed instruction, then untrusted text (an email, a draft, a
 * lease clause) XML-escaped inside one fence, so nothing in it can close the fence or pose as
 * instructions. The Claude gateway accepts only turns built here.
 */
export type FencedTurn = string & { readonly __fenced: unique symbol };

/** One fenced field; a block puts its text on lines of its own (long, multi-line text). */
export interface FencedField {
  readonly tag: string;
  readonly text: string;
  readonly block?: boolean;
}

/** Escapes `&` first so entities already in the text stay literal. */
const escapeMarkup = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function fencedTurn(instruction: string, fence: string, fields: readonly FencedField[]): FencedTurn {
  const lines = fields.map(({ tag, text, block }) =>
    block ? `<${tag}>\n${escapeMarkup(text)}\n</${tag}>` : `<${tag}>${escapeMarkup(text)}</${tag}>`,
  );
  return [instruction, `<${fence}>`, ...lines, `</${fence}>`].join('\n') as FencedTurn;
}
