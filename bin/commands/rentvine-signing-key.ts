import { addSigningKey, listSigningKeys, removeSigningKey } from '#usecases/rentvine-signing-keys.ts';
import { readStdin, UsageError } from './io.ts';
import { rentvineStores, type WhereOptions } from './rentvine-stores.ts';

const ACTIONS = ['add', 'list', 'remove'] as const;

/**
 * `aictive rentvine signing-key add|list|remove --org ORG [--fingerprint F] [--stage S | --local]`:
 * an org's webhook signing keys (Rentvine issues one per webhook). `add` reads the key from stdin,
 * never from the command line (which shells keep in history and `ps` shows), and warns when it is
 * not shaped like Rentvine's; `list` shows fingerprints only; `remove` takes a fingerprint.
 */
export async function signingKeyCommand(
  action: string | undefined,
  options: WhereOptions & { fingerprint?: string },
): Promise<number> {
  if (!ACTIONS.some((known) => known === action))
    throw new UsageError(`usage: aictive rentvine signing-key ${ACTIONS.join('|')} --org ORG`);
  if (action === 'remove' && !options.fingerprint)
    throw new UsageError('--fingerprint is required: as `aictive rentvine signing-key list` shows it');
  const stores = await rentvineStores(options);
  const { orgId } = stores;
  const print = (line: object) => process.stdout.write(`${JSON.stringify({ orgId, ...line })}\n`);

  if (action === 'list') {
    for (const key of await listSigningKeys(stores, orgId)) print(key);
    return 0;
  }
  if (action === 'remove') {
    print({ removed: await removeSigningKey(stores, orgId, options.fingerprint as string) });
    return 0;
  }
  // One line as pasted: the trailing newline of `echo` or a here-string is not part of the key.
  const key = (await readStdin()).toString('utf8').replace(/\r?\n$/, '');
  const added = await addSigningKey(stores, orgId, key);
  print(added);
  if (!added.rentvineShape)
    process.stderr.write(
      "warning: this key is not shaped like Rentvine's signing keys (50 characters: 32, a dash, 8, a dash, 8 lower-case letters or digits); check it was copied whole\n",
    );
  return 0;
}
