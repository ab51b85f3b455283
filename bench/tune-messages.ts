import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageToTriage } from '#domain/triage/triage.ts';
import { parseLabelledMessages, toMessageToTriage } from '#domain/triage/triage-evaluation.ts';

/** The messages the benches send: the dev fixture and test/fixtures/triage/*-tune.jsonl when present (never a holdout). */
const FIXTURES = 'test/fixtures';
const TUNE_DIR = join(FIXTURES, 'triage');
export const BENCH_FILES = [
  join(FIXTURES, 'emails-dev.jsonl'),
  ...(existsSync(TUNE_DIR)
    ? readdirSync(TUNE_DIR)
        .filter((name) => name.endsWith('-tune.jsonl'))
        .map((name) => join(TUNE_DIR, name))
    : []),
];
export const BENCH_MESSAGES: MessageToTriage[] = BENCH_FILES.flatMap((file) =>
  parseLabelledMessages(readFileSync(file, 'utf8')).map(toMessageToTriage),
);
