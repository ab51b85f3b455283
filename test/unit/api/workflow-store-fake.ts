import type { DuePage, WorkflowFilter, WorkflowPage, WorkflowStore } from '#domain/workflow/ports.ts';
import type { Holder, Workflow } from '#domain/workflow/workflow.ts';

/**
 * A small stand-in for the workflow store in these unit tests, until the in-memory twin of the
 * new port lands (test/support/in-memory/workflow-store.ts): versions and create-if-absent as the
 * port promises, listings unpaged (`cursor` is never set).
 */
export class FakeWorkflowStore implements WorkflowStore {
  readonly workflows = new Map<string, Workflow>();

  async create(workflow: Workflow): Promise<'created' | 'exists'> {
    const key = `${workflow.orgId}/${workflow.workflowId}`;
    if (this.workflows.has(key)) return 'exists';
    this.workflows.set(key, structuredClone(workflow));
    return 'created';
  }

  async get(orgId: string, workflowId: string): Promise<Workflow | undefined> {
    const stored = this.workflows.get(`${orgId}/${workflowId}`);
    return stored ? structuredClone(stored) : undefined;
  }

  async save(next: Workflow, expectedVersion: number): Promise<'saved' | 'conflict'> {
    const key = `${next.orgId}/${next.workflowId}`;
    if (this.workflows.get(key)?.version !== expectedVersion) return 'conflict';
    this.workflows.set(key, structuredClone(next));
    return 'saved';
  }

  async list(orgId: string, filter: WorkflowFilter, page: { limit: number }): Promise<WorkflowPage> {
    const found = [...this.workflows.values()]
      .filter((w) => w.orgId === orgId)
      .filter((w) => !filter.type || w.type === filter.type)
      .filter((w) => !filter.status || w.status === filter.status)
      .filter((w) => !filter.state || w.state === filter.state)
      .filter((w) => !filter.propertyId || w.facts.propertyId === filter.propertyId)
      .filter((w) => !filter.since || w.createdAt >= filter.since)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { workflows: found.slice(0, page.limit).map((w) => structuredClone(w)) };
  }

  async waitingOn(orgId: string, holder: Holder, page: { limit: number }): Promise<WorkflowPage> {
    const found = [...this.workflows.values()]
      .filter((w) => w.orgId === orgId && w.waiting?.kind === 'approval' && w.waiting.holder === holder)
      .sort((a, b) => (a.waiting?.dueAt ?? '').localeCompare(b.waiting?.dueAt ?? ''));
    return { workflows: found.slice(0, page.limit).map((w) => structuredClone(w)) };
  }

  async due(at: Date, page: { limit: number }): Promise<DuePage> {
    const due = [...this.workflows.values()]
      .filter((w) => w.waiting?.dueAt !== undefined && w.waiting.dueAt <= at.toISOString())
      .map((w) => ({ orgId: w.orgId, workflowId: w.workflowId, dueAt: w.waiting?.dueAt as string }))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    return { due: due.slice(0, page.limit), itemsRead: due.length };
  }

  async linkSource(): Promise<void> {}
}
