import type { APIGatewayProxyEvent } from 'aws-lambda';
import { EventListQuery } from '#domain/inbox/event-list-query.ts';
import { EVENT_ID, eventView, InvalidCursorError } from '#domain/inbox/stored-event.ts';
import type { EventInbox } from '#domain/ports.ts';
import { problem } from '#platform/http/problem.ts';
import { RequestError } from '#platform/http/request-error.ts';
import { jsonResponse } from '#platform/http/response.ts';
import type { RouteImplementation } from '#platform/http/router.ts';
import { orgOf } from './emails.ts';

export function eventRoutes(deps: {
  inbox: EventInbox;
}): Record<'getEvent' | 'listEvents', RouteImplementation> {
  return {
    getEvent: async ({ event, principal, requestId }) => {
      const eventId = event.pathParameters?.eventId ?? '';
      // Anything not shaped like an id cannot exist; it never reaches the table.
      const stored = EVENT_ID.test(eventId) ? await deps.inbox.get(orgOf(principal), eventId) : undefined;
      return stored
        ? jsonResponse(200, eventView(stored))
        : problem(404, 'not-found', { instance: requestId });
    },
    listEvents: async ({ event, principal }) => {
      const query = listQuery(event);
      try {
        const page = await deps.inbox.list(orgOf(principal), query);
        return jsonResponse(200, {
          events: page.events.map(eventView),
          ...(page.cursor ? { nextCursor: page.cursor } : {}),
        });
      } catch (error) {
        if (!(error instanceof InvalidCursorError)) throw error;
        throw invalidQuery([{ path: 'cursor', message: error.message }]);
      }
    },
  };
}

/** The query string, validated: 422 with the failing parameters' names. */
function listQuery(event: APIGatewayProxyEvent): EventListQuery {
  // A repeated parameter would silently keep only its last value: refuse it instead.
  const repeated = Object.entries(event.multiValueQueryStringParameters ?? {}).filter(
    ([, values]) => (values?.length ?? 0) > 1,
  );
  if (repeated.length > 0) {
    throw invalidQuery(repeated.map(([name]) => ({ path: name, message: 'given more than once' })));
  }
  const parsed = EventListQuery.safeParse(event.queryStringParameters ?? {});
  if (parsed.success) return parsed.data;
  throw invalidQuery(
    parsed.error.issues.map((issue) => ({
      // An unknown parameter's issue sits at the root and names it in `keys`.
      path: issue.path.join('.') || ('keys' in issue ? issue.keys.join(',') : '(query)'),
      message: issue.message,
    })),
  );
}

function invalidQuery(errors: { path: string; message: string }[]): RequestError {
  return new RequestError(422, 'validation', 'the query does not match the schema', { errors });
}
