import * as z from 'zod/mini';
import { wallClock } from '#domain/wall-clock.ts';
import { AGENT_ID } from '#vocabulary/access.ts';
import { DEPARTMENTS, LOCAL_DATE, ON_CALL_LIMITS, TIME_OF_DAY } from '#vocabulary/desk.ts';

// zod/mini: org settings (which hold the rotations) are read on the webhook hot path.

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Someone standing in for the rotation from `from` until `to` (ISO instants). */
export const OnCallOverride = z
  .object({
    from: z.iso.datetime({ offset: true }),
    to: z.iso.datetime({ offset: true }),
    agentId: z.string().check(z.regex(AGENT_ID)),
  })
  .check(
    z.refine((o) => Date.parse(o.from) < Date.parse(o.to), { message: 'an override ends after it starts' }),
  );
export type OnCallOverride = z.infer<typeof OnCallOverride>;

/**
 * One department's weekly rotation: `agentIds` in turn, a week each, the first from `start` (a
 * date and handover time on the org's clock), each handover at that time on that weekday, so a
 * change of daylight saving time moves no handover. Overrides win over the turn.
 */
export const Rotation = z.object({
  agentIds: z
    .array(z.string().check(z.regex(AGENT_ID)))
    .check(z.minLength(1), z.maxLength(ON_CALL_LIMITS.people)),
  start: z.object({
    date: z.string().check(z.regex(LOCAL_DATE)),
    time: z.string().check(z.regex(TIME_OF_DAY)),
  }),
  overrides: z.optional(z.array(OnCallOverride).check(z.maxLength(ON_CALL_LIMITS.overrides))),
});
export type Rotation = z.infer<typeof Rotation>;

/** The org's rotations, per department of the roles registry (a department without one has nobody on call). */
export const OnCallRotations = z.partialRecord(z.enum(DEPARTMENTS), Rotation);
export type OnCallRotations = z.infer<typeof OnCallRotations>;

function startReading(rotation: Rotation): number {
  const [year, month, day] = rotation.start.date.split('-').map(Number);
  const [hour, minute] = rotation.start.time.split(':').map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
}

/** Whose turn it is at `at` by the weekly order alone (no overrides); nobody before the rotation starts. */
export function turnAt(rotation: Rotation, at: Date, timeZone: string): string | undefined {
  const elapsed = wallClock(at, timeZone) - startReading(rotation);
  if (elapsed < 0) return undefined;
  const week = Math.floor(elapsed / WEEK_MS);
  return rotation.agentIds[week % rotation.agentIds.length];
}

/** Who is on call at `at`: an override covering it (the last listed, when several do), else the week's turn. */
export function onCallAt(rotation: Rotation, at: Date, timeZone: string): string | undefined {
  const time = at.getTime();
  const covering = (rotation.overrides ?? []).filter(
    (o) => Date.parse(o.from) <= time && time < Date.parse(o.to),
  );
  return covering.at(-1)?.agentId ?? turnAt(rotation, at, timeZone);
}

/**
 * Who a page goes to when `person` does not answer: the one after them in the order (wrapping);
 * for a stand-in outside the order, the week's own turn. Nobody when that is the same person.
 */
export function nextAfter(
  rotation: Rotation,
  person: string,
  at: Date,
  timeZone: string,
): string | undefined {
  const { agentIds } = rotation;
  const index = agentIds.indexOf(person);
  const next = index < 0 ? turnAt(rotation, at, timeZone) : agentIds[(index + 1) % agentIds.length];
  return next === person ? undefined : next;
}
