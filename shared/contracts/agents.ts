import { z } from 'zod';
import { AGENT_ID, ROLE_NAMES } from '#vocabulary/access.ts';
import { AGENT_STATUSES, MAX_SKILLS, SKILL, TIME_OF_DAY, WEEKDAYS } from '#vocabulary/desk.ts';

const AgentId = z
  .string()
  .regex(AGENT_ID, 'expected 1 to 128 letters, digits and . _ : @ -, starting with a letter or digit')
  .meta({
    description: "The org's own id for the person; an API key carrying it acts as them",
    example: 'maria@acme.example',
  });
const Name = z.string().trim().min(1).max(200);
const Role = z.enum(ROLE_NAMES).meta({ description: 'A role of the registry (what the person may approve)' });
const AgentStatus = z.enum(AGENT_STATUSES).meta({
  description:
    '`available` takes new work; `busy` keeps what it holds and takes nothing new; `offline` is away',
});
const Skill = z
  .string()
  .regex(SKILL, 'expected a lower-case word: letters, digits, _ and -, at most 32')
  .meta({ example: 'maintenance' });
const Skills = z
  .array(Skill)
  .max(MAX_SKILLS)
  .refine((skills) => new Set(skills).size === skills.length, { message: 'a skill appears twice' });

/** The hours an agent works on the org's clock (`PATCH /v1/org/settings {timeZone}`; UTC when unset). */
const Shift = z
  .strictObject({
    days: z.array(z.enum(WEEKDAYS)).min(1).max(7),
    start: z.string().regex(TIME_OF_DAY, 'expected HH:MM (24 h)'),
    end: z.string().regex(TIME_OF_DAY, 'expected HH:MM (24 h)'),
  })
  .refine((shift) => shift.start !== shift.end, { message: 'a shift starts and ends at different times' })
  .refine((shift) => new Set(shift.days).size === shift.days.length, { message: 'a day appears twice' })
  .meta({
    id: 'Shift',
    description:
      "The days and hours worked, in the org's time zone. An end before the start runs past midnight: `mon` 22:00–06:00 covers Monday night into Tuesday morning.",
    example: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '17:00' },
  });

export const AgentParams = z.object({ agentId: AgentId });

export const AgentListQuery = z.strictObject({
  status: AgentStatus.optional(),
  skill: Skill.optional().meta({ description: 'Only agents with this skill' }),
});

export const CreateAgentRequest = z.strictObject({
  agentId: AgentId,
  name: Name,
  role: Role,
  skills: Skills,
  shift: Shift.optional().meta({ description: 'Absent: no set hours (always on shift)' }),
  status: AgentStatus.optional().meta({
    description: 'Default `offline`: a person says when they start taking work',
  }),
});

/** Only the members sent change; `shift: null` removes the set hours. */
export const UpdateAgentRequest = z
  .strictObject({
    name: Name.optional(),
    role: Role.optional(),
    skills: Skills.optional(),
    shift: Shift.nullable().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'expected at least one of name, role, skills, shift',
  });

export const AgentStatusRequest = z.strictObject({ status: AgentStatus });

export const AgentView = z
  .object({
    agentId: z.string(),
    name: z.string(),
    role: z.string(),
    skills: z.array(z.string()),
    shift: Shift.optional(),
    status: AgentStatus,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Agent' });
export type AgentView = z.infer<typeof AgentView>;

export const AgentList = z.object({ agents: z.array(AgentView) });
