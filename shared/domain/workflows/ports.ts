/** Ports of the workflow engine. Adapters in shared/adapters implement them; in-memory twins live in test/support. */
import type { WorkflowRecord } from './workflow.ts';

export interface WorkflowStore {
  create(workflow: WorkflowRecord): Promise<'created' | 'exists'>;
  get(orgId: string, workflowId: string): Promise<WorkflowRecord | undefined>;
  /**
   * Records on the email or event that started it which workflow it started; the source leaves
   * the outbox if it was waiting on the workflow stage.
   */
  linkSource(workflow: WorkflowRecord): Promise<void>;
}
