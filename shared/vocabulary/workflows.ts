/** The states a workflow can be in (every workflow is in `triage` until the approval states exist). */
export const WORKFLOW_STATES = ['triage'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];
