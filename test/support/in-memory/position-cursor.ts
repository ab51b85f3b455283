import { InvalidCursorError } from '#domain/inbox/stored-event.ts';

/** A twin's cursor: the org and the last position listed, opaque to the caller like the table's key. */
export function encodePositionCursor(orgId: string, position: string): string {
  return Buffer.from(`${orgId}|${position}`).toString('base64url');
}

/** Like the DynamoDB cursor: refused unless it is a position of `shape` inside the org's listing and the query's range. */
export function decodePositionCursor(
  cursor: string | undefined,
  orgId: string,
  shape: RegExp,
  since: string | undefined,
): string | undefined {
  if (cursor === undefined) return undefined;
  const [org, position = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (org !== orgId || !shape.test(position) || (since !== undefined && position < since))
    throw new InvalidCursorError();
  return position;
}
