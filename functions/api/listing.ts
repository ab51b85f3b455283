import { InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { validationError } from '#platform/http/validation.ts';

/** Runs one page of a cursor-paged listing: a cursor not issued for it is a 422 on `cursor`. */
export async function pageOf<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    throw validationError('query', [{ path: 'cursor', message: error.message }]);
  }
}
