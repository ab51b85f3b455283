/** The `aictive` command: operator and developer tools. */
import { parseArgs } from 'node:util';
import { ConfigError } from '#platform/config.ts';
import { createApiKeyCommand } from './commands/api-key.ts';
import { classifyCommand } from './commands/classify.ts';
import { dlqRedriveCommand } from './commands/dlq.ts';
import { UsageError } from './commands/io.ts';
import { rentvineSyncCommand } from './commands/rentvine-sync.ts';
import { replayCommand } from './commands/replay.ts';
import { signWebhookCommand } from './commands/sign-webhook.ts';

const USAGE = `usage: aictive <command> [options]

commands:
  classify [--jsonl]                              classify an email read as JSON {from, subject, text} on stdin
  sign-webhook --secret S [--scheme header|body|standard] [--timestamp T] [--id ID] [--json]
                                                  sign the body on stdin: headers (header, standard) or the body with auth
  api-key create --org ORG --scopes a,b [--role R] [--agent ID] [--name N] [--env E] [--table T] [--pepper-secret-id ID]
                                                  issue an API key (written to the table directly, hashed with the
                                                  deployment's pepper: that secret, or API_KEY_PEPPER_SOURCE)
  replay --org ORG --since ISO [--type T] [--dry-run] [--table T] [--queue-url U] [--local]
                                                  re-enqueue an org's stored events received since ISO
  dlq redrive --queue events|classify|workflow [--dry-run] [--stage S | --queue-url U --dlq-url U | --local]
                                                  move a queue's dead-lettered messages back to it
  rentvine sync --org ORG [--stage S [--table T]]
                                                  sync an org's Rentvine records now: one JSON line per resource
                                                  (locally: npm start's store of AICTIVE_DATA_DIR, running or not)

--local: the running \`npm start\` of AICTIVE_DATA_DIR (default .data); otherwise AWS credentials
from the environment (TABLE_NAME, EVENTS_QUEUE_URL and STAGE stand in for the options).
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
    case 'rentvine': {
      const [action, ...args] = rest;
      if (action !== 'sync') throw new UsageError('usage: aictive rentvine sync --org ORG [--stage S]');
      const { values } = parseArgs({
        args,
        options: { org: { type: 'string' }, stage: { type: 'string' }, table: { type: 'string' } },
        strict: true,
      });
      return rentvineSyncCommand(values);
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
