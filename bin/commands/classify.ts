import { z } from 'zod';
import { triageEngineFrom } from '#adapters/triage-engine.ts';
import { MessageToTriage } from '#domain/triage/triage.ts';
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
}, MessageToTriage);

function parseMessage(line: string): MessageToTriage {
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
 * `aictive classify [--jsonl]`: one message as JSON on stdin → its Triage as one JSON line (the
 * schema the API shows); with --jsonl one message per line → one line per message, same order (a
 * bad line gets an `error` line in place). Claude with the rules when a key is set, else the rules.
 */
export async function classifyCommand(options: { jsonl: boolean }): Promise<number> {
  // Metrics are for the functions: here stdout is the command's output.
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const engine = await triageEngineFrom(readConfig(AnthropicConfig));
  const input = (await readStdin()).toString('utf8');
  if (!options.jsonl) {
    const triage = await engine.triage(parseMessage(input));
    process.stdout.write(`${JSON.stringify(triage)}\n`);
    return 0;
  }
  let failures = 0;
  const lines = input.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      process.stdout.write(`${JSON.stringify(await engine.triage(parseMessage(line)))}\n`);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failures += 1;
      process.stdout.write(`${JSON.stringify({ line: index + 1, error: error.message })}\n`);
    }
  }
  if (failures > 0) process.stderr.write(`${failures} line(s) could not be triaged\n`);
  return failures > 0 ? 1 : 0;
}
