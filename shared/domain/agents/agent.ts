import { z } from 'zod';
import { AGENT_ID, ROLE_NAMES } from '#vocabulary/access.ts';
import { AGENT_STATUSES, MAX_SKILLS, SKILL, TIME_OF_DAY, WEEKDAYS } from '#vocabulary/desk.ts';

/**
 * A person at the property-management company who answers work: a role from the registry, the
 * skills work is routed by, the hours they work and whether they take work now. The id is the
 * org's own (`agentId`); an API key carrying it acts as that person.
 */

export const Skill = z.string().regex(SKILL);

/**
 * The hours an agent works, on the org's clock (its time zone). A shift whose end is before its
 * start runs past midnight: `22:00`–`06:00` on `mon` covers Monday night into Tuesday morning.
 */
export const Shift = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1).max(7),
    start: z.string().regex(TIME_OF_DAY),
    end: z.string().regex(TIME_OF_DAY),
  })
  .refine((shift) => shift.start !== shift.end, { message: 'a shift starts and ends at different times' })
  .refine((shift) => new Set(shift.days).size === shift.days.length, { message: 'a day appears twice' });
export type Shift = z.infer<typeof Shift>;

export const Agent = z.object({
  orgId: z.string().min(1),
  agentId: z.string().regex(AGENT_ID),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLE_NAMES),
  skills: z.array(Skill).max(MAX_SKILLS),
  /** Absent: no set hours (always on shift). */
  shift: Shift.optional(),
  status: z.enum(AGENT_STATUSES),
  /**
   * With a shift: when it next starts (`nextShiftStart` on the org's clock). Coming on shift is a
   * moment, not a write, so the agent is in the due index (family `shift`) at it, and the sweep
   * offers the org's queued work then and moves the entry to the start after.
   */
  nextShiftStartAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Each write is conditional on the version read. */
  version: z.number().int().nonnegative(),
});
export type Agent = z.infer<typeof Agent>;
