import { z } from 'zod';
import { EventListQuery } from '#domain/inbox/event-list-query.ts';
import { EventView, eventView } from '#domain/inbox/event-view.ts';
import type { EventInbox } from '#domain/inbox/ports.ts';
import { EVENT_ID, InvalidCursorError } from '#domain/inbox/stored-event.ts';
import { type Operation, operation, orgOf } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { validationError } from '#platform/http/validation.ts';

const EventPage = z
  .object({
    events: z.array(EventView),
    /** Pass as `cursor` for the next page; absent on the last one. */
    nextCursor: z.string().optional(),
  })
  .meta({ id: 'EventPage' });

const EventPath = z.object({ eventId: z.string().regex(EVENT_ID) });

export function eventOperations(deps: { inbox: EventInbox }): Record<'getEvent' | 'listEvents', Operation> {
  return {
    getEvent: operation(
      {
        summary: 'Read a stored webhook event',
        params: EventPath,
        responses: { 200: { description: 'The event', body: EventView } },
      },
      async (request) => {
        const stored = await deps.inbox.get(orgOf(request), request.params.eventId);
        // Another org's event is answered exactly like one that does not exist.
        return stored ? jsonResponse(200, eventView(stored)) : problem(404, 'not-found');
      },
    ),
    listEvents: operation(
      {
        summary: "List the org's events received since a time, oldest first",
        query: EventListQuery,
        responses: { 200: { description: 'One page of events', body: EventPage } },
      },
      async (request) => {
        try {
          const page = await deps.inbox.list(orgOf(request), request.query);
          return jsonResponse(200, {
            events: page.events.map(eventView),
            ...(page.cursor ? { nextCursor: page.cursor } : {}),
          });
        } catch (error) {
          if (!(error instanceof InvalidCursorError)) throw error;
          throw validationError('query', [{ path: 'cursor', message: error.message }]);
        }
      },
    ),
  };
}
