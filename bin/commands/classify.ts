import { z } from 'zod';
import { emailClassifierFrom } from '#adapters/classification-engine.ts';
import { EmailToClassify } from '#domain/classification/taxonomy.ts';
import { AnthropicConfig } from '#lib/function-config.ts';
import { readConfig } from '#platform/config.ts';
import { InputError, readStdin } from './io.ts';

/** `text` is the contract; `body` is accepted too (the labelled fixtures use it). */
const EmailInput = z.preprocess((value) => {
  if (value && typeof value === 'object' && !('text' in value) && 'body' in value) {
    const { body, ...rest } = value as Record<string, unknown>;
    return { ...rest, text: body };
  }
  return value;
}, EmailToClassify);

function parseEmail(line: string): EmailToClassify {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new InputError('input is not valid JSON');
  }
  const parsed = EmailInput.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(
      `invalid email: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}

/**
 * `aictive classify [--jsonl]`: one email as JSON on stdin → one JSON line; with --jsonl one
 * email per line → one line per email, same order (a bad line gets an `error` line in place).
 */
export async function classifyCommand(options: { jsonl: boolean }): Promise<number> {
  const classifier = await emailClassifierFrom(readConfig(AnthropicConfig));
  const input = (await readStdin()).toString('utf8');
  if (!options.jsonl) {
    const classification = await classifier.classify(parseEmail(input));
    process.stdout.write(`${JSON.stringify(classification)}\n`);
    return 0;
  }
  let failures = 0;
  const lines = input.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      process.stdout.write(`${JSON.stringify(await classifier.classify(parseEmail(line)))}\n`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failures += 1;
      process.stdout.write(`${JSON.stringify({ line: index + 1, error: error.message })}\n`);
    }
  }
  if (failures > 0) process.stderr.write(`${failures} line(s) could not be classified\n`);
  return failures > 0 ? 1 : 0;
}
