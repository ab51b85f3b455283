import { EventListQuery, EventPage, EventPath, EventView } from '#contracts/events.ts';
import type { EventInbox } from '#domain/inbox/ports.ts';
import { type Operation, operation, orgOf } from '#platform/http/operation.ts';
import { problem } from '#platform/http/problem.ts';
import { jsonResponse } from '#platform/http/response.ts';
import { eventView } from './event-view.ts';
import { pageOf } from './listing.ts';

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
        const page = await pageOf(() => deps.inbox.list(orgOf(request), request.query));
        const answer: EventPage = {
          events: page.events.map(eventView),
          ...(page.cursor ? { nextCursor: page.cursor } : {}),
        };
        return jsonResponse(200, answer);
      },
    ),
  };
}
