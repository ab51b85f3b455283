import { parseArgs } from 'node:util';
import { UsageError } from './io.ts';
import { identifySignatureCommand } from './rentvine-identify-signature.ts';
import { signingKeyCommand } from './rentvine-signing-key.ts';
import { rentvineSyncCommand } from './rentvine-sync.ts';

/** Where an org's stores are, as every `aictive rentvine` command takes it. */
const WHERE = {
  org: { type: 'string' },
  stage: { type: 'string' },
  table: { type: 'string' },
  local: { type: 'boolean', default: false },
} as const;

export const RENTVINE_USAGE = `  rentvine sync --org ORG [--stage S [--table T]]
                                                  sync an org's Rentvine records now: one JSON line per resource
                                                  (locally: npm start's store of AICTIVE_DATA_DIR, running or not)
  rentvine identify-signature --org ORG [--select] [--stage S [--table T] | --local]
                                                  which candidate body-signature reading the org's quarantined
                                                  deliveries match with its keys; --select saves it for the org
  rentvine signing-key add|list|remove --org ORG [--fingerprint F] [--stage S [--table T] | --local]
                                                  an org's Rentvine webhook signing keys (add reads the key on stdin)
`;

/** `aictive rentvine <action>`: the Rentvine connector's operator commands. */
export async function rentvineCommand(args: readonly string[]): Promise<number> {
  const [action, ...rest] = args;
  switch (action) {
    case 'sync': {
      const { values } = parseArgs({
        args: rest,
        options: { org: WHERE.org, stage: WHERE.stage, table: WHERE.table },
        strict: true,
      });
      return rentvineSyncCommand(values);
    }
    case 'identify-signature': {
      const { values } = parseArgs({
        args: rest,
        options: { ...WHERE, select: { type: 'boolean', default: false } },
        strict: true,
      });
      return identifySignatureCommand(values);
    }
    case 'signing-key': {
      const [sub, ...options] = rest;
      const { values } = parseArgs({
        args: options,
        options: { ...WHERE, fingerprint: { type: 'string' } },
        strict: true,
      });
      return signingKeyCommand(sub, values);
    }
    default:
      throw new UsageError(
        'usage: aictive rentvine sync|identify-signature|signing-key … (try: aictive --help)',
      );
  }
}
