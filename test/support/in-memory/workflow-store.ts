import type { WorkflowStore } from '#domain/workflows/ports.ts';
import type { WorkflowRecord } from '#domain/workflows/workflow.ts';
import { copy, type InMemoryRows, rowKey } from './rows.ts';

/** The in-memory twin of DynamoWorkflowStore (test/integration/contracts proves them alike). */
export class InMemoryWorkflowStore implements WorkflowStore {
  readonly workflows = new Map<string, WorkflowRecord>();

  constructor(private readonly rows: InMemoryRows) {}

  async create(workflow: WorkflowRecord): Promise<'created' | 'exists'> {
    const key = rowKey(workflow.orgId, workflow.workflowId);
    if (this.workflows.has(key)) return 'exists';
    this.workflows.set(key, copy(workflow));
    return 'created';
  }

  async get(orgId: string, workflowId: string): Promise<WorkflowRecord | undefined> {
    const workflow = this.workflows.get(rowKey(orgId, workflowId));
    return workflow ? copy(workflow) : undefined;
  }

  async linkSource(workflow: WorkflowRecord): Promise<void> {
    const row =
      workflow.source.kind === 'email'
        ? this.rows.emails.get(rowKey(workflow.orgId, workflow.source.emailId))
        : this.rows.events.get(rowKey(workflow.orgId, workflow.source.eventId));
    if (!row) return;
    row.record = { ...row.record, workflowId: workflow.workflowId };
    if (row.outbox?.entry.queue === 'workflow') row.outbox = undefined;
  }
}
