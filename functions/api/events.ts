import { EVENT_ID, eventView } from '#domain/inbox/stored-event.ts';
import type { EventInbox } from '#domain/ports.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import type { RouteImplementation } from '#platform/http/router.ts';
import { orgOf } from './emails.ts';

export function eventRoutes(deps: { inbox: EventInbox }): Record<'getEvent', RouteImplementation> {
  return {
    getEvent: async ({ event, principal, requestId }) => {
      const eventId = event.pathParameters?.eventId ?? '';
      // Anything not shaped like an id cannot exist; it never reaches the table.
      const stored = EVENT_ID.test(eventId) ? await deps.inbox.get(orgOf(principal), eventId) : undefined;
      return stored
        ? jsonResponse(200, eventView(stored))
        : problem(404, 'not-found', { instance: requestId });
    },
  };
}
