import { COMPLIANCE_SYSTEM_PROMPT } from './compliance-prompt.ts';
import { REPLY_SYSTEM_PROMPT } from './reply-draft-prompt.ts';
import { TRIAGE_SYSTEM_PROMPT } from './triage-prompt.ts';

/**
 * The system prompts sent with `cacheSystem`: each is the whole stable prefix of its call (no
 * tools precede it), so each must reach the model's minimum cacheable length or the marker buys
 * nothing. Its unit test checks that, and `npm run bench:triage` prints each against it.
 */
export const CACHED_SYSTEM_PROMPTS: Readonly<Record<'triage' | 'reply' | 'compliance', string>> = {
  triage: TRIAGE_SYSTEM_PROMPT,
  reply: REPLY_SYSTEM_PROMPT,
  compliance: COMPLIANCE_SYSTEM_PROMPT,
};
