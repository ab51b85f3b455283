import { describe, expect, it } from 'vitest';
import {
  type WorkflowCause,
  workflowFor,
  workflowSourceKey,
  workflowTypeForCategory,
} from '#domain/workflows/workflow.ts';
import { CATEGORIES } from '#vocabulary/classification.ts';

const now = new Date('2026-11-21T10:00:00Z');

describe('workflows', () => {
  it('maps every category except spam to a workflow type', () => {
    for (const category of CATEGORIES) {
      if (category === 'spam') expect(workflowTypeForCategory(category)).toBeUndefined();
      else expect(workflowTypeForCategory(category)).toBeTypeOf('string');
    }
  });

  it('starts an email workflow in triage from its stored classification, with the email as its source', () => {
    const start = {
      source: 'email',
      orgId: 'o',
      emailId: 'em_1',
      category: 'lease_renewal',
      urgency: 'medium',
    } as const;
    expect(workflowFor(start, 'wf_1', now)).toEqual({
      orgId: 'o',
      workflowId: 'wf_1',
      type: 'renewal',
      state: 'triage',
      urgency: 'medium',
      source: { kind: 'email', emailId: 'em_1' },
      createdAt: now.toISOString(),
    });
    expect(workflowFor({ ...start, category: 'spam', urgency: 'low' }, 'wf_2', now)).toBeUndefined();
  });

  it('keys an emergency work order workflow on the work order, whichever event reported it', () => {
    const start: WorkflowCause = {
      source: 'event',
      orgId: 'o',
      eventId: 'evt_1',
      trigger: { kind: 'emergency_work_order', workOrderId: '5150', reasons: ['priority 3'] },
    };
    expect(workflowFor(start, 'wf_3', now)).toMatchObject({
      type: 'emergency_maintenance',
      urgency: 'emergency',
      state: 'triage',
    });
    expect(workflowSourceKey(start)).toBe(workflowSourceKey({ ...start, eventId: 'evt_2' }));
  });
});
