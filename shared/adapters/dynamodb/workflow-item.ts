import { type OutboxEntry, outboxEntry } from '#domain/messaging/outbox.ts';
import type { WorkflowMessage } from '#domain/workflow/messages.ts';
import { workflowExpiresAt } from '#domain/workflow/retention.ts';
import type { Workflow } from '#domain/workflow/workflow.ts';
import { keys } from './keys.ts';
import { OUTBOX_REMOVE, outboxAttributes } from './outbox-attributes.ts';

type Key = { PK: string; SK: string };

/** Where a workflow belongs in the three indexes each of its writes keeps true. */
export interface WorkflowIndexes {
  /** GSI3: open, and its waiting step has a due time. */
  readonly due?: { GSI3PK: string; GSI3SK: string };
  /** Its waiting-on item: open, waiting on an approval that has a holder. */
  readonly waiting?: Key;
  /** The outbox entry it owes while effects are pending. */
  readonly owed?: OutboxEntry;
}

export function workflowIndexes(workflow: Workflow): WorkflowIndexes {
  const { orgId, workflowId, waiting } = workflow;
  const open = workflow.status === 'open';
  return {
    ...(open && waiting?.dueAt ? { due: keys.due(orgId, workflowId, sortableInstant(waiting.dueAt)) } : {}),
    ...(open && waiting?.kind === 'approval' && waiting.holder
      ? { waiting: keys.waitingOn(orgId, waiting.holder, optionalInstant(waiting.dueAt), workflowId) }
      : {}),
    ...(workflow.pendingEffects.length > 0 ? { owed: runOwed(orgId, workflowId) } : {}),
  };
}

/** The message a workflow with pending effects owes the workflow queue: a pointer to itself. */
export function runOwed(orgId: string, workflowId: string): OutboxEntry {
  const message: WorkflowMessage = { source: 'workflow', orgId, workflowId };
  return outboxEntry('workflow', message);
}

/** The whole item as `create` puts it (and the sweep bench seeds it). */
export function workflowItem(workflow: Workflow): Record<string, unknown> {
  const { due, waiting, owed } = workflowIndexes(workflow);
  return {
    ...workflow,
    ...keys.workflow(workflow.orgId, workflow.workflowId),
    ...keys.listing(workflow.orgId, 'WORKFLOWS', workflow.createdAt, workflow.workflowId),
    ...due,
    ...(waiting ? { waitingKey: waiting.SK } : {}),
    ...(owed ? outboxAttributes(owed, workflow.orgId, workflow.workflowId, workflow.updatedAt) : {}),
    ...expiry(workflow),
  };
}

/** A closed workflow's TTL (`expiresAt`, epoch seconds): 90 days after it closed. */
function expiry(workflow: Workflow): { expiresAt?: number } {
  const at = workflowExpiresAt(workflow);
  return at ? { expiresAt: Math.ceil(at.getTime() / 1000) } : {};
}

/** The waiting-on item: just enough to list it and find the workflow. */
export function waitingItem(workflow: Workflow, key: Key): Record<string, unknown> {
  return {
    ...key,
    workflowId: workflow.workflowId,
    holder: workflow.waiting?.holder,
    dueAt: workflow.waiting?.dueAt,
  };
}

/**
 * Every optional field of a workflow: a save removes the ones `next` lacks. A field added to
 * `Workflow` as optional fails to compile here until it is listed.
 */
const OPTIONAL_FIELDS: {
  readonly [K in keyof Workflow as object extends Pick<Workflow, K> ? K : never]: true;
} = {
  waiting: true,
};

export interface WorkflowUpdate {
  readonly UpdateExpression: string;
  readonly ExpressionAttributeNames: Record<string, string>;
  readonly ExpressionAttributeValues: Record<string, unknown>;
}

/**
 * The update that writes `next` over the stored item with its indexes. An update, not a put,
 * for one reason: a workflow already in the outbox keeps its `pendingSince` (and re-send count),
 * so one that is written often while its runs keep failing still reaches the sweeper's re-send
 * and give-up; the message it owes is the same pointer whichever write added effects.
 */
export function workflowUpdate(next: Workflow): WorkflowUpdate {
  const { due, waiting, owed } = workflowIndexes(next);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const set: string[] = [];
  const remove: string[] = [];
  const field = (name: string) => {
    const alias = `#f${Object.keys(names).length}`;
    names[alias] = name;
    return alias;
  };
  const assign = (name: string, value: unknown, expression?: (alias: string, value: string) => string) => {
    const alias = field(name);
    const placeholder = `:v${Object.keys(values).length}`;
    values[placeholder] = value;
    set.push(`${alias} = ${expression ? expression(alias, placeholder) : placeholder}`);
  };
  for (const [name, value] of Object.entries(next)) if (value !== undefined) assign(name, value);
  for (const name of Object.keys(OPTIONAL_FIELDS))
    if ((next as unknown as Record<string, unknown>)[name] === undefined) remove.push(field(name));
  if (due) for (const [name, value] of Object.entries(due)) assign(name, value);
  else remove.push('GSI3PK', 'GSI3SK');
  if (waiting) assign('waitingKey', waiting.SK);
  else remove.push('waitingKey');
  if (owed) {
    const outbox = outboxAttributes(owed, next.orgId, next.workflowId, next.updatedAt);
    const keep = (alias: string, value: string) => `if_not_exists(${alias}, ${value})`;
    assign('GSI2PK', outbox.GSI2PK, keep);
    assign('GSI2SK', outbox.GSI2SK, keep);
    assign('resendCount', 0, keep);
    assign('outboxQueue', outbox.outboxQueue);
    assign('outboxMessage', outbox.outboxMessage);
  } else remove.push(OUTBOX_REMOVE);
  const { expiresAt } = expiry(next);
  if (expiresAt !== undefined) assign('expiresAt', expiresAt);
  else remove.push('expiresAt');
  return {
    UpdateExpression: `SET ${set.join(', ')}${remove.length > 0 ? ` REMOVE ${remove.join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** ISO instants sort as strings only in one form: the index keys use `toISOString`'s. */
function sortableInstant(at: string): string {
  const parsed = new Date(at);
  return Number.isNaN(parsed.getTime()) ? at : parsed.toISOString();
}

function optionalInstant(at: string | undefined): string | undefined {
  return at === undefined ? undefined : sortableInstant(at);
}
