import type { WorkflowNotice, WorkflowNotices } from '#domain/workflow/ports.ts';

/**
 * The in-memory twin of SnsWorkflowNotices: records each notice, in order, as the topic's
 * subscribers would read it (through JSON, as the adapter publishes it).
 */
export class InMemoryWorkflowNotices implements WorkflowNotices {
  readonly #published: WorkflowNotice[] = [];
  #failures = 0;

  async publish(notice: WorkflowNotice): Promise<void> {
    if (this.#failures > 0) {
      this.#failures -= 1;
      throw new Error('the topic is unavailable (in-memory failure)');
    }
    this.#published.push(JSON.parse(JSON.stringify(notice)) as WorkflowNotice);
  }

  /** Every notice published, oldest first. */
  get published(): readonly WorkflowNotice[] {
    return this.#published;
  }

  /** The notices of one workflow, oldest first. */
  of(workflowId: string): readonly WorkflowNotice[] {
    return this.#published.filter((notice) => notice.workflowId === workflowId);
  }

  /** The next `times` publishes throw, as SNS unavailable would. */
  failNext(times = 1): void {
    this.#failures = times;
  }
}
