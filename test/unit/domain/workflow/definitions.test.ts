import { describe, expect, it } from 'vitest';
import {
  definitionProblems,
  validateDefinition,
  type WorkflowDefinition,
} from '#domain/workflow/definition.ts';
import { WORKFLOW_DEFINITIONS } from '#domain/workflow/definitions.ts';
import {
  type WorkflowCause,
  workflowForCause,
  workflowSourceKey,
  workflowTypeForCategory,
} from '#domain/workflow/start.ts';
import { CATEGORIES } from '#vocabulary/classification.ts';
import { WORKFLOW_TYPES } from '#vocabulary/workflows.ts';

/** A small sound definition each problem case breaks in one place. */
const sound: WorkflowDefinition = {
  type: 'triage',
  title: 'test',
  department: 'management',
  initial: 'start',
  states: {
    start: { title: 'start', kind: 'automatic', branches: [{ to: 'review' }] },
    review: {
      title: 'review',
      kind: 'human_task',
      role: 'assistant_manager',
      department: 'management',
      outcomes: { done: 'done' },
    },
    done: { title: 'done', kind: 'final', status: 'completed' },
  },
};

const withStates = (states: WorkflowDefinition['states']): WorkflowDefinition => ({
  ...sound,
  states: { ...sound.states, ...states },
});

describe('the nine workflow definitions', () => {
  it('there is one for every workflow type', () => {
    expect(Object.keys(WORKFLOW_DEFINITIONS).sort()).toEqual([...WORKFLOW_TYPES].sort());
  });

  it.each(WORKFLOW_TYPES)('%s is sound', (type) => {
    const definition = WORKFLOW_DEFINITIONS[type];
    expect(definition.type).toBe(type);
    expect(definitionProblems(definition)).toEqual([]);
  });

  it('an accommodation request has no message step: every word to the resident is written by a person', () => {
    const kinds = Object.values(WORKFLOW_DEFINITIONS.accommodation_request.states).map((s) => s.kind);
    expect(kinds).not.toContain('message');
    expect(kinds).toContain('human_task');
  });
});

describe('definitionProblems catches a broken definition', () => {
  it('the sound test definition has no problem', () => {
    expect(definitionProblems(sound)).toEqual([]);
  });

  it('an unknown target', () => {
    const broken = withStates({ start: { title: 's', kind: 'automatic', branches: [{ to: 'nowhere' }] } });
    expect(definitionProblems(broken)).toContain('start leads to nowhere, which is not defined');
  });

  it('an undefined initial state', () => {
    expect(definitionProblems({ ...sound, initial: 'missing' })).toContain(
      'initial state missing is not defined',
    );
  });

  it('an unreachable state', () => {
    const broken = withStates({ orphan: { title: 'o', kind: 'final', status: 'cancelled' } });
    expect(definitionProblems(broken)).toContain('orphan is unreachable');
  });

  it('a state that can never end', () => {
    const broken = withStates({
      review: {
        title: 'r',
        kind: 'human_task',
        role: 'assistant_manager',
        department: 'management',
        outcomes: { again: 'review', done: 'limbo' },
      },
      limbo: {
        title: 'l',
        kind: 'wait_until',
        length: { minutes: 5 },
        on: {},
        onTimeout: 'limbo',
      },
    });
    expect(definitionProblems(broken)).toContain('limbo can never reach a final state');
  });

  it('an automatic loop that would never wait', () => {
    const broken = withStates({
      start: { title: 's', kind: 'automatic', branches: [{ to: 'tell' }] },
      tell: { title: 't', kind: 'message', to: 'resident', template: 'x', next: 'start' },
      review: {
        title: 'r',
        kind: 'human_task',
        role: 'assistant_manager',
        department: 'management',
        outcomes: { done: 'done' },
      },
    });
    // review is unreachable here too; the loop is what this test is about.
    expect(definitionProblems(broken)).toContain('automatic steps form a loop that would never wait');
  });

  it('a loop through a waiting step is not an automatic loop', () => {
    const fine = withStates({
      review: {
        title: 'r',
        kind: 'human_task',
        role: 'assistant_manager',
        department: 'management',
        outcomes: { again: 'start', done: 'done' },
      },
    });
    expect(definitionProblems(fine)).toEqual([]);
  });

  it('an automatic step whose last branch has a condition (some facts would match no branch)', () => {
    const broken = withStates({
      start: {
        title: 's',
        kind: 'automatic',
        branches: [{ when: { is: 'troubleshooting_offered' }, to: 'review' }],
      },
    });
    expect(definitionProblems(broken)).toContain(
      "start: an automatic step's last branch must have no condition",
    );
  });

  it('a human task without outcomes', () => {
    const broken = withStates({
      start: { title: 's', kind: 'automatic', branches: [{ to: 'review' }, { to: 'done' }] },
      review: {
        title: 'r',
        kind: 'human_task',
        role: 'assistant_manager',
        department: 'management',
        outcomes: {},
      },
    });
    expect(definitionProblems(broken)).toContain('review: a human task needs at least one outcome');
  });

  it('a global signal leading to an undefined state', () => {
    const broken: WorkflowDefinition = { ...sound, signals: { balance_paid: { to: 'gone' } } };
    expect(definitionProblems(broken)).toContain('a signal leads to gone, which is not defined');
  });

  it('validateDefinition throws with every problem', () => {
    const broken = withStates({ orphan: { title: 'o', kind: 'final', status: 'cancelled' } });
    expect(() => validateDefinition(broken)).toThrow(/orphan is unreachable/);
    expect(validateDefinition(sound)).toBe(sound);
  });
});

describe('which workflow a triaged message starts', () => {
  it('every category but spam starts a workflow', () => {
    for (const category of CATEGORIES) {
      if (category === 'spam') expect(workflowTypeForCategory(category)).toBeUndefined();
      else expect(WORKFLOW_TYPES).toContain(workflowTypeForCategory(category));
    }
  });

  it('maintenance categories start the repair workflows, the rest that has no workflow goes to a person', () => {
    expect(workflowTypeForCategory('maintenance_emergency')).toBe('maintenance_emergency');
    expect(workflowTypeForCategory('maintenance_request')).toBe('maintenance_routine');
    expect(workflowTypeForCategory('lease_termination')).toBe('move_out');
    expect(workflowTypeForCategory('general_inquiry')).toBe('triage');
  });

  const event: WorkflowCause = {
    source: 'event',
    orgId: 'o',
    eventId: 'evt_1',
    trigger: { kind: 'emergency_work_order', workOrderId: '5150', reasons: ['priority 3'] },
  };

  it('keys an emergency work order workflow on the work order, whichever event reported it', () => {
    expect(workflowSourceKey(event)).toBe(workflowSourceKey({ ...event, eventId: 'evt_2' }));
    expect(workflowSourceKey(event)).not.toBe(
      workflowSourceKey({ ...event, trigger: { ...event.trigger, workOrderId: '5151' } }),
    );
  });

  it('keys an email workflow on the email', () => {
    const email: WorkflowCause = {
      source: 'email',
      orgId: 'o',
      emailId: 'em_1',
      triage: { category: 'lease_renewal', urgency: 'medium', summary: 's', routeTo: 'leasing_agent' },
    };
    expect(workflowSourceKey(email)).toBe('email:em_1');
    expect(workflowSourceKey(email)).not.toBe(workflowSourceKey({ ...email, emailId: 'em_2' }));
    expect(workflowForCause(email, 'wf_1')).toMatchObject({ type: 'lease_renewal', urgency: 'medium' });
    expect(
      workflowForCause({ ...email, triage: { ...email.triage, category: 'spam', urgency: 'low' } }, 'wf_2'),
    ).toBeUndefined();
  });

  it('an emergency work order event starts an emergency repair that knows its work order', () => {
    expect(workflowForCause(event, 'wf_3')).toMatchObject({
      type: 'maintenance_emergency',
      urgency: 'emergency',
      facts: { workOrderId: '5150', habitability: true },
    });
  });
});
