import type { ResponseLinkLedger } from '#domain/workflow/response-link.ts';
import { sha256Hex } from '#platform/security/ids.ts';
import { rowKey } from './rows.ts';

/** The in-memory twin of DynamoResponseLinkLedger: token hashes used, per org. */
export class InMemoryResponseLinkLedger implements ResponseLinkLedger {
  readonly #used = new Set<string>();

  async use(orgId: string, token: string, _expiresAt: Date): Promise<'first_use' | 'used'> {
    const key = rowKey(orgId, sha256Hex(token));
    if (this.#used.has(key)) return 'used';
    this.#used.add(key);
    return 'first_use';
  }
}
