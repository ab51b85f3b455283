import { RequestError } from '#platform/http/request-error.ts';
import { WorkflowBusyError } from '#usecases/advance-workflow.ts';

/**
 * A workflow that kept changing under a request (other writers won every round) is busy, not
 * broken: 503 `unavailable`, and the client retries — not a 500 that reads as our defect.
 */
export async function unlessBusy<T>(advancing: Promise<T>): Promise<T> {
  try {
    return await advancing;
  } catch (error) {
    if (error instanceof WorkflowBusyError)
      throw new RequestError(
        503,
        'unavailable',
        'the workflow is changing under other requests; retry in a second',
      );
    throw error;
  }
}
