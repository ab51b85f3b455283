import { ENTITIES } from '#domain/rentvine/event-types.ts';
import type { EntitySnapshot, RecordRef, RentvineReader, SyncResource } from '#domain/rentvine/ports.ts';
import { toInstant } from '#domain/rentvine/wire.ts';
import { count, logger } from '#platform/observability.ts';
import { toRentvineError } from './failures.ts';
import type { RentvineHttp } from './http.ts';
import { RentvineAnswerError, RentvineHttpError } from './http-errors.ts';
import { paginationFrom, RESOURCES, recordRequest } from './resources.ts';

/** More pages than any account has: a list that never ends is a fault, not a long sync. */
const MAX_PAGES = 10_000;

/** Rentvine's timestamp form for filters: UTC, second precision, no zone (how it sends them). */
export function wireDateTime(instant: string): string {
  const ms = toInstant(instant);
  if (Number.isNaN(ms)) throw new RangeError(`modifiedSince is not a date-time: ${instant}`);
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Entity data → its snapshot; a row that does not parse is counted and skipped (its content is not logged). */
function snapshotOf(kind: EntitySnapshot['kind'], data: unknown, where: string): EntitySnapshot | undefined {
  const read = ENTITIES[kind].read(data);
  if (!read.ok) {
    count('RentvineRowInvalid');
    logger.warn('Rentvine row skipped: it does not match its schema', {
      kind,
      where,
      issues: read.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.')}: ${issue.code}`),
    });
    return undefined;
  }
  return {
    kind,
    id: read.id,
    ...(read.snapshot.dateTimeModified ? { dateTimeModified: read.snapshot.dateTimeModified } : {}),
    data: read.snapshot,
  };
}

/** Reads one org's account into snapshots: lists page by page, records one by one. */
export class RentvineAccountReader implements RentvineReader {
  constructor(protected readonly http: RentvineHttp) {}

  async *pages(
    resource: SyncResource,
    options: { readonly modifiedSince?: string } = {},
  ): AsyncIterable<{ readonly records: readonly EntitySnapshot[]; readonly filtered: boolean }> {
    const spec = RESOURCES[resource];
    const filtered = spec.modifiedFilter && options.modifiedSince !== undefined;
    const since = filtered && options.modifiedSince ? wireDateTime(options.modifiedSince) : undefined;
    const seen = new Set<string>();
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const { headers, body } = await this.get(spec.path, {
        page,
        pageSize: spec.pageSize,
        dateTimeModifiedMin: since,
      });
      if (!Array.isArray(body))
        throw toRentvineError(new RentvineAnswerError(`${spec.path} did not answer a list`));
      const announced = paginationFrom(headers, spec.pageSize);
      const records: EntitySnapshot[] = [];
      let repeated = 0;
      for (const row of body) {
        const snapshot = snapshotOf(spec.kind, spec.entityOf(row), spec.path);
        if (!snapshot) continue;
        if (seen.has(snapshot.id)) repeated += 1;
        else records.push(snapshot);
        seen.add(snapshot.id);
      }
      if (records.length > 0) yield { records, filtered };
      // The last page the headers announce ends the list, else a short page does; so does a page
      // of rows all seen already (a server that ignored `page` would otherwise loop forever).
      const last =
        announced.pages !== undefined
          ? page >= announced.pages
          : body.length < (announced.pageSize ?? spec.pageSize);
      if (last || body.length === 0 || repeated === body.length) return;
    }
    throw toRentvineError(new RentvineAnswerError(`${spec.path} has more than ${MAX_PAGES} pages`));
  }

  async read(ref: RecordRef): Promise<EntitySnapshot | undefined> {
    const request = recordRequest(ref);
    let body: unknown;
    try {
      ({ body } = await this.http.get(request.path, request.query));
    } catch (error) {
      if (error instanceof RentvineHttpError && error.status === 404) return undefined;
      throw toRentvineError(error);
    }
    const snapshot = snapshotOf(ref.kind, request.entityOf(body), request.path);
    if (!snapshot)
      throw toRentvineError(new RentvineAnswerError(`${request.path} answered a record that does not parse`));
    return snapshot;
  }

  protected async get(path: string, query: Parameters<RentvineHttp['get']>[1]) {
    try {
      return await this.http.get(path, query);
    } catch (error) {
      throw toRentvineError(error);
    }
  }
}
