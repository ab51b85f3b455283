import type { Clock } from '#domain/clock.ts';
import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { outboxEntry } from '#domain/messaging/outbox.ts';
import type { WorkflowMessage } from '#domain/workflow/messages.ts';
import type { DuePage, WorkflowFilter, WorkflowPage, WorkflowStore } from '#domain/workflow/ports.ts';
import { workflowKept } from '#domain/workflow/retention.ts';
import type { Holder, Workflow } from '#domain/workflow/workflow.ts';
import { systemClock } from '#platform/clock.ts';
import { copy, type InMemoryRows, mark, rowKey } from './rows.ts';

type Page = { limit: number; cursor?: string };

/**
 * The in-memory twin of DynamoWorkflowStore (test/integration/contracts proves them alike). The
 * listings are computed from the rows on each call, each in its index's order; `due` counts as
 * read only the entries an index sorted by due time would hand it from the cursor on.
 */
export class InMemoryWorkflowStore implements WorkflowStore {
  /** `clock`: reads ignore a workflow closed 90 days before its `now`, as the adapter's do. */
  constructor(
    private readonly rows: InMemoryRows,
    private readonly clock: Clock = systemClock,
  ) {}

  /** The stored workflows by `<org>|<id>`, copied. */
  get workflows(): ReadonlyMap<string, Workflow> {
    return new Map([...this.rows.workflows].map(([key, row]) => [key, copy(row.record)]));
  }

  async create(workflow: Workflow): Promise<'created' | 'exists'> {
    const key = rowKey(workflow.orgId, workflow.workflowId);
    if (this.rows.workflows.has(key)) return 'exists';
    this.rows.workflows.set(key, { record: copy(workflow) });
    this.markOutbox(workflow);
    return 'created';
  }

  readonly #subjects = new Map<string, string>();

  async linkSubject(
    orgId: string,
    subject: string,
    workflowId: string,
    replacing?: string,
  ): Promise<boolean> {
    const key = rowKey(orgId, subject);
    const held = this.#subjects.get(key);
    if (held !== undefined && held !== workflowId && held !== replacing) return false;
    this.#subjects.set(key, workflowId);
    return true;
  }

  async workflowOfSubject(orgId: string, subject: string): Promise<string | undefined> {
    return this.#subjects.get(rowKey(orgId, subject));
  }

  async get(orgId: string, workflowId: string): Promise<Workflow | undefined> {
    const row = this.rows.workflows.get(rowKey(orgId, workflowId));
    return row && workflowKept(row.record, this.clock.now()) ? copy(row.record) : undefined;
  }

  async save(next: Workflow, expectedVersion: number): Promise<'saved' | 'conflict'> {
    const row = this.rows.workflows.get(rowKey(next.orgId, next.workflowId));
    if (!row || row.record.version !== expectedVersion) return 'conflict';
    row.record = copy(next);
    this.markOutbox(next);
    return 'saved';
  }

  async list(orgId: string, filter: WorkflowFilter, page: Page): Promise<WorkflowPage> {
    const matching = this.records()
      .filter(
        (w) =>
          w.orgId === orgId &&
          (filter.type === undefined || w.type === filter.type) &&
          (filter.status === undefined || w.status === filter.status) &&
          (filter.state === undefined || w.state === filter.state) &&
          (filter.propertyId === undefined || w.facts.propertyId === filter.propertyId) &&
          (filter.since === undefined || w.createdAt >= filter.since) &&
          workflowKept(w, this.clock.now()),
      )
      .map((w) => ({ key: `${w.createdAt}#${w.workflowId}`, item: w }))
      .sort((a, b) => (a.key < b.key ? 1 : -1));
    const { items, cursor } = pageOf(matching, `list|${orgId}`, page, (key, after) => key < after);
    return withCursor({ workflows: items }, cursor);
  }

  async waitingOn(orgId: string, holder: Holder, page: Page): Promise<WorkflowPage> {
    const waiting = this.records()
      .filter(
        (w) =>
          w.orgId === orgId &&
          w.status === 'open' &&
          w.waiting?.kind === 'approval' &&
          w.waiting.holder === holder,
      )
      .map((w) => ({ key: `${instant(w.waiting?.dueAt) ?? '9999'}#${w.workflowId}`, item: w }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const { items, cursor } = pageOf(
      waiting,
      `waiting|${orgId}|${holder}`,
      page,
      (key, after) => key > after,
    );
    return withCursor({ workflows: items }, cursor);
  }

  async due(at: Date, page: Page): Promise<DuePage> {
    const upTo = `${at.toISOString()}#\uffff`;
    const index = this.records()
      .flatMap((w) => {
        const dueAt = w.status === 'open' ? instant(w.waiting?.dueAt) : undefined;
        return dueAt
          ? [
              {
                key: `${dueAt}#${w.orgId}#${w.workflowId}`,
                item: { orgId: w.orgId, workflowId: w.workflowId, dueAt },
              },
            ]
          : [];
      })
      .filter((entry) => entry.key <= upTo)
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    const { items, cursor } = pageOf(index, `due|${at.toISOString()}`, page, (key, after) => key > after);
    // Read from the cursor's place in the sorted index up to the page's end: exactly what it returns.
    return withCursor({ due: items, itemsRead: items.length }, cursor);
  }

  async linkSource(workflow: Workflow): Promise<void> {
    const { source } = workflow;
    if (source.kind !== 'email' && source.kind !== 'event') return;
    const row =
      source.kind === 'email'
        ? this.rows.emails.get(rowKey(workflow.orgId, source.emailId))
        : this.rows.events.get(rowKey(workflow.orgId, source.eventId));
    if (!row) return;
    row.record = { ...row.record, workflowId: workflow.workflowId };
    if (row.outbox?.entry.queue === 'workflow') row.outbox = undefined;
  }

  private records(): Workflow[] {
    return [...this.rows.workflows.values()].map((row) => copy(row.record));
  }

  /** As the table's update: a workflow already owing a run keeps its place (pendingSince, re-sends). */
  private markOutbox(workflow: Workflow): void {
    const row = this.rows.workflows.get(rowKey(workflow.orgId, workflow.workflowId));
    if (!row) return;
    if (workflow.pendingEffects.length === 0) row.outbox = undefined;
    else {
      const message: WorkflowMessage = {
        source: 'workflow',
        orgId: workflow.orgId,
        workflowId: workflow.workflowId,
      };
      row.outbox ??= mark(outboxEntry('workflow', message), workflow.updatedAt);
    }
  }
}

function instant(at: string | undefined): string | undefined {
  if (at === undefined) return undefined;
  const parsed = new Date(at);
  return Number.isNaN(parsed.getTime()) ? at : parsed.toISOString();
}

/** One page of entries already in index order; the cursor is the last key returned, bound to its listing. */
export function pageOf<T>(
  entries: readonly { key: string; item: T }[],
  scope: string,
  page: Page,
  isAfter: (key: string, after: string) => boolean,
): { items: T[]; cursor?: string } {
  const after = page.cursor === undefined ? undefined : decode(page.cursor, scope);
  const rest = after === undefined ? entries : entries.filter((entry) => isAfter(entry.key, after));
  const taken = rest.slice(0, page.limit);
  const last = taken.at(-1);
  return {
    items: taken.map((entry) => entry.item),
    ...(rest.length > taken.length && last ? { cursor: encode(scope, last.key) } : {}),
  };
}

export function withCursor<P extends object>(page: P, cursor: string | undefined): P & { cursor?: string } {
  return cursor === undefined ? page : { ...page, cursor };
}

function encode(scope: string, after: string): string {
  return Buffer.from(JSON.stringify({ scope, after }), 'utf8').toString('base64url');
}

function decode(cursor: string, scope: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      scope?: unknown;
      after?: unknown;
    };
    if (parsed.scope === scope && typeof parsed.after === 'string') return parsed.after;
  } catch {
    // Not one of ours: refused below, as any cursor from elsewhere.
  }
  throw new InvalidCursorError();
}
