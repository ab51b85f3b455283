import type { DraftLanguage } from '#vocabulary/triage.ts';
import type { Triage } from '../triage/triage.ts';
import type { GroundedFact } from './draft.ts';
import { factSentence } from './facts.ts';
import type { DraftBody, DraftRequest, ReplyDrafter } from './ports.ts';
import { acknowledgmentOnly, DRAFT_TEMPLATES, needsReplyDraft, topicsAsked } from './templates.ts';

/** Spam is answered by no one: asking for its draft is a caller's mistake. */
export class NoReplyDraftError extends Error {
  override readonly name = 'NoReplyDraftError';
}

/**
 * What the records say about each thing the message asks: the facts that answer it, each stated
 * with its citation kept, or the topic's "we will check" line when no record holds it.
 */
function groundedLines(
  triage: Triage,
  messageText: string,
  facts: readonly GroundedFact[],
  language: DraftLanguage,
): { lines: string[]; cited: GroundedFact[] } {
  const lines: string[] = [];
  const cited: GroundedFact[] = [];
  for (const topic of topicsAsked(triage, messageText)) {
    const stated = facts
      .filter((fact) => (topic.facts as readonly string[]).includes(fact.topic))
      .flatMap((fact) => {
        const sentence = factSentence(fact, language);
        return sentence ? [{ fact, sentence }] : [];
      });
    if (stated.length === 0) lines.push(topic.check[language]);
    for (const { fact, sentence } of stated) {
      lines.push(sentence);
      cited.push(fact);
    }
  }
  return { lines, cited };
}

/**
 * The reply body from the templates alone (engine `template`): deterministic, in the draft's
 * language, stating only the facts given; greeting, signature and safety text are composed
 * around it (compose.ts). It answers when Claude is unavailable, refused or
 * wrote something ungrounded, and alone for accommodation requests and legal matters.
 */
export class TemplateReplyDrafter implements ReplyDrafter {
  async draft(request: DraftRequest): Promise<DraftBody> {
    const { triage, language, message } = request;
    if (!needsReplyDraft(triage)) throw new NoReplyDraftError(`no reply is drafted for ${triage.category}`);
    const reviewOnly = acknowledgmentOnly(triage, language);
    if (reviewOnly !== undefined) return { text: reviewOnly, engine: 'template', cited: [] };
    const template = DRAFT_TEMPLATES.categories[triage.category];
    if (!template || !('en' in template)) throw new NoReplyDraftError(`no template for ${triage.category}`);
    const parts = template[language];
    const grounded = groundedLines(triage, `${message.subject}\n${message.text}`, request.facts, language);
    const paragraphs = [
      parts.acknowledgment,
      grounded.lines.join(' '),
      `${parts.nextSteps} ${parts.timeline}`,
    ].filter((paragraph) => paragraph.length > 0);
    return { text: paragraphs.join('\n\n'), engine: 'template', cited: grounded.cited };
  }
}

/** One instance serves every request: it holds nothing. */
export const templateReplyDrafter = new TemplateReplyDrafter();
