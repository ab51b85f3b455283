/** The `aictive` command: operator and developer tools. */
import { parseArgs } from 'node:util';
import { ConfigError } from '#platform/config.ts';
import { createApiKeyCommand } from './commands/api-key.ts';
import { classifyCommand } from './commands/classify.ts';
import { dlqRedriveCommand } from './commands/dlq.ts';
import { evalCommand } from './commands/eval.ts';
import { UsageError } from './commands/io.ts';
import { orgCreateCommand, orgRotateWebhookSecretCommand } from './commands/org.ts';
import { RENTVINE_USAGE, rentvineCommand } from './commands/rentvine.ts';
import { replayCommand } from './commands/replay.ts';
import { signWebhookCommand } from './commands/sign-webhook.ts';
import { sweepCommand } from './commands/sweep.ts';

const USAGE = `usage: aictive <command> [options]

commands:
  classify [--jsonl]                              triage a message read as JSON {from, subject, text} on stdin
                                                  (Claude with the rules when ANTHROPIC_API_KEY is set, else the rules)
  eval --file F.jsonl [--engine rules|claude]     score triage on labelled messages: accuracy, confusions,
                                                  emergency recall, false emergencies, injections, tokens, cost
  sign-webhook --secret S [--scheme header|body|standard] [--timestamp T] [--id ID] [--json]
                                                  sign the body on stdin: headers (header, standard) or the body with auth
  api-key create --org ORG --scopes a,b [--role R] [--agent ID] [--name N] [--env E] [--table T] [--pepper-secret-id ID]
                                                  issue an API key (written to the table directly, hashed with the
                                                  deployment's pepper: that secret, or API_KEY_PEPPER_SOURCE)
  replay --org ORG --since ISO [--type T] [--dry-run] [--table T] [--queue-url U] [--local]
                                                  re-enqueue an org's stored events received since ISO
  sweep [--at ISO] [--table T] [--queue-url U] [--stage S | --local]
                                                  run the workflow sweep once as if it were that time (now by
                                                  default): escalations, timeouts, lapsed offers; prints the figures
  dlq redrive --queue events|classify|workflow [--dry-run] [--stage S | --queue-url U --dlq-url U | --local]
                                                  move a queue's dead-lettered messages back to it
${RENTVINE_USAGE}
  org create --org ID --name NAME [--rentvine-account SUB] [--stage S | --local] [--api-url U]
                                                  create an org: its webhook secret and first admin key
                                                  (printed once) and the webhook URL to paste into Rentvine
  org rotate-webhook-secret --org ID [--grace-hours N] [--stage S | --local]
                                                  a new webhook secret; the old one works for the grace (24 h)

--local: the running \`npm start\` of AICTIVE_DATA_DIR (default .data); otherwise AWS credentials
from the environment (TABLE_NAME, EVENTS_QUEUE_URL, WORKFLOW_QUEUE_URL and STAGE stand in for the options).
`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'classify': {
      const { values } = parseArgs({
        args: rest,
        options: { jsonl: { type: 'boolean', default: false } },
        strict: true,
      });
      return classifyCommand({ jsonl: values.jsonl });
    }
    case 'eval': {
      const { values } = parseArgs({
        args: rest,
        options: { file: { type: 'string' }, engine: { type: 'string' } },
        strict: true,
      });
      return evalCommand(values);
    }
    case 'sign-webhook': {
      const { values } = parseArgs({
        args: rest,
        options: {
          secret: { type: 'string' },
          scheme: { type: 'string' },
          timestamp: { type: 'string' },
          id: { type: 'string' },
          json: { type: 'boolean', default: false },
        },
        strict: true,
      });
      return signWebhookCommand(values);
    }
    case 'api-key': {
      const [action, ...args] = rest;
      if (action !== 'create') throw new UsageError('usage: aictive api-key create --org ORG --scopes a,b');
      const { values } = parseArgs({
        args,
        options: {
          org: { type: 'string' },
          scopes: { type: 'string' },
          role: { type: 'string' },
          agent: { type: 'string' },
          name: { type: 'string' },
          env: { type: 'string' },
          table: { type: 'string' },
          'pepper-secret-id': { type: 'string' },
        },
        strict: true,
      });
      const { 'pepper-secret-id': pepperSecretId, ...others } = values;
      return createApiKeyCommand({ ...others, pepperSecretId });
    }
    case 'replay': {
      const { values } = parseArgs({
        args: rest,
        options: {
          org: { type: 'string' },
          since: { type: 'string' },
          type: { type: 'string' },
          'dry-run': { type: 'boolean', default: false },
          table: { type: 'string' },
          'queue-url': { type: 'string' },
          local: { type: 'boolean', default: false },
        },
        strict: true,
      });
      const { 'dry-run': dryRun, 'queue-url': queueUrl, ...others } = values;
      return replayCommand({ ...others, dryRun, queueUrl });
    }
    case 'sweep': {
      const { values } = parseArgs({
        args: rest,
        options: {
          at: { type: 'string' },
          table: { type: 'string' },
          'queue-url': { type: 'string' },
          stage: { type: 'string' },
          local: { type: 'boolean', default: false },
        },
        strict: true,
      });
      const { 'queue-url': queueUrl, ...others } = values;
      return sweepCommand({ ...others, queueUrl });
    }
    case 'dlq': {
      const [action, ...args] = rest;
      if (action !== 'redrive')
        throw new UsageError('usage: aictive dlq redrive --queue events|classify|workflow [--dry-run]');
      const { values } = parseArgs({
        args,
        options: {
          queue: { type: 'string' },
          stage: { type: 'string' },
          'queue-url': { type: 'string' },
          'dlq-url': { type: 'string' },
          'dry-run': { type: 'boolean', default: false },
          local: { type: 'boolean', default: false },
        },
        strict: true,
      });
      const { 'dry-run': dryRun, 'queue-url': queueUrl, 'dlq-url': dlqUrl, ...others } = values;
      return dlqRedriveCommand({ ...others, dryRun, queueUrl, dlqUrl });
    }
    case 'rentvine':
      return rentvineCommand(rest);
    case 'org': {
      const [action, ...args] = rest;
      const target = {
        org: { type: 'string' },
        stage: { type: 'string' },
        'api-url': { type: 'string' },
        local: { type: 'boolean', default: false },
      } as const;
      if (action === 'create') {
        const { values } = parseArgs({
          args,
          options: { ...target, name: { type: 'string' }, 'rentvine-account': { type: 'string' } },
          strict: true,
        });
        const { 'rentvine-account': rentvineAccount, 'api-url': apiUrl, ...others } = values;
        return orgCreateCommand({ ...others, rentvineAccount, apiUrl });
      }
      if (action === 'rotate-webhook-secret') {
        const { values } = parseArgs({
          args,
          options: { ...target, 'grace-hours': { type: 'string' } },
          strict: true,
        });
        const { 'grace-hours': graceHours, 'api-url': apiUrl, ...others } = values;
        return orgRotateWebhookSecretCommand({ ...others, graceHours, apiUrl });
      }
      throw new UsageError('usage: aictive org create|rotate-webhook-secret --org ID …');
    }
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}" (try: aictive --help)`);
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const usage =
      error instanceof UsageError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    if (error instanceof ConfigError) process.stderr.write(`aictive: ${error.problems.join('; ')}\n`);
    else process.stderr.write(`aictive: ${message}\n`);
    // 2: the command was called wrongly; 1: bad input, bad configuration or a failure.
    process.exitCode = usage ? 2 : 1;
  },
);
