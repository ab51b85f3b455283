import { readFileSync } from 'node:fs';
import { anthropicApiKey } from '#adapters/anthropic/anthropic-api-key.ts';
import { estimatedCostUsd } from '#adapters/anthropic/model-prices.ts';
import { claudeTriageWithRules, RulesFirstTriage, TRIAGE_RULES } from '#adapters/triage-engine.ts';
import type { LabelledEmail } from '#domain/classification/evaluation.ts';
import type { TriageEngine } from '#domain/triage/triage.ts';
import {
  evaluateTriage,
  LabelledLineError,
  parseLabelledMessages,
  type Share,
  type TriageEvaluation,
  type TriageOutcome,
  toMessageToTriage,
} from '#domain/triage/triage-evaluation.ts';
import { AnthropicConfig } from '#lib/function-config.ts';
import { readConfig } from '#platform/config.ts';
import { InputError, UsageError } from './io.ts';

export const EVAL_ENGINES = ['rules', 'claude'] as const;
type EvalEngine = (typeof EVAL_ENGINES)[number];

function readLabelled(file: string): LabelledEmail[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(`cannot read ${file}: ${code}`);
  }
  try {
    const labelled = parseLabelledMessages(text);
    if (labelled.length === 0) throw new InputError(`${file}: no labelled messages`);
    return labelled;
  } catch (error) {
    if (error instanceof LabelledLineError) throw new InputError(`${file}: ${error.message}`);
    throw error;
  }
}

async function engineFor(engine: EvalEngine): Promise<TriageEngine> {
  if (engine === 'rules') return new RulesFirstTriage(TRIAGE_RULES);
  const config = readConfig(AnthropicConfig);
  const apiKey = await anthropicApiKey(config);
  if (!apiKey) throw new InputError('--engine claude needs an Anthropic key (ANTHROPIC_API_KEY)');
  return claudeTriageWithRules({ apiKey, baseURL: config.ANTHROPIC_BASE_URL, model: config.ANTHROPIC_MODEL });
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const ofShare = ({ hits, of, rate }: Share) =>
  of === 0 ? 'n/a (none labelled)' : `${percent(rate)} (${hits}/${of})`;

/** The report, plain text: figures first, then the confusion table, then spend. */
function report(file: string, engine: EvalEngine, result: TriageEvaluation): string[] {
  const lines = [
    `triage evaluation of ${file} with the ${engine} engine (${result.total} messages)`,
    `  category accuracy           ${percent(result.categoryAccuracy)}`,
    `  urgency accuracy            ${percent(result.urgencyAccuracy)}`,
    `  emergency recall            ${percent(result.emergencyRecall)}`,
    `  false-emergency rate        ${ofShare(result.falseEmergencies)}`,
    `  needsHuman on injections    ${ofShare(result.injectionsToHuman)}`,
    `    … as instructions_to_assistant ${ofShare(result.injectionsFlagged)}`,
    `  needsHuman agreement        ${ofShare(result.needsHumanAgreement)}`,
    `  answered by                 ${Object.entries(result.engines)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ')}; Claude fell back ${result.fallbacks} time(s)`,
    'confusion table (expected -> actual: count)',
    ...(result.confusions.length === 0
      ? ['  none']
      : result.confusions.map(({ expected, actual, count }) => `  ${expected} -> ${actual}: ${count}`)),
    'tokens and estimated cost (list price; cache writes not included)',
  ];
  const models = Object.entries(result.tokensByModel);
  if (models.length === 0) lines.push('  no model calls: 0 tokens, $0');
  for (const [model, spend] of models) {
    const cost = estimatedCostUsd(model, spend);
    lines.push(
      `  ${model}: ${spend.calls} call(s), input ${spend.inputTokens}, output ${spend.outputTokens}, ` +
        `cache read ${spend.cacheReadTokens}; cost ${cost === undefined ? 'unknown' : `$${cost.toFixed(4)}`}`,
    );
  }
  return lines;
}

/**
 * `aictive eval --file F.jsonl [--engine rules|claude]`: triages every labelled line with the
 * engine as the platform composes it (rules first; with claude, Claude merged with the rules)
 * and prints the figures. A file or line that is not a labelled message: one line, exit 1.
 */
export async function evalCommand(options: { file?: string; engine?: string }): Promise<number> {
  if (!options.file) throw new UsageError('usage: aictive eval --file F.jsonl [--engine rules|claude]');
  const engineName = (options.engine ?? 'rules') as EvalEngine;
  if (!EVAL_ENGINES.includes(engineName))
    throw new UsageError(`unknown engine "${options.engine}" (rules or claude)`);
  // Metrics are for the functions: here stdout is the command's output.
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const labelled = readLabelled(options.file);
  const engine = await engineFor(engineName);
  const outcomes: TriageOutcome[] = [];
  for (const message of labelled) {
    outcomes.push({
      id: message.id,
      label: message.label,
      triage: await engine.triage(toMessageToTriage(message)),
    });
  }
  process.stdout.write(`${report(options.file, engineName, evaluateTriage(outcomes)).join('\n')}\n`);
  return 0;
}
