import { describe, expect, it } from 'vitest';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { purgeRemovedChildren } from '../../../domain/signoff/purge';

const MAYA = '11111111-1111-4111-8111-111111111111';
const GONE = '22222222-2222-4222-8222-222222222222';
const AGENCY = '33333333-3333-4333-8333-333333333333';

const record: ConferenceRecord = {
  id: '44444444-4444-4444-8444-444444444444',
  schemaVersion: 1,
  type: 'initial',
  revision: 3,
  createdAt: '2026-01-15T09:00:00.000Z',
  updatedAt: '2026-01-15T12:00:00.000Z',
  sections: {
    children: { kind: 'list', items: [{ id: MAYA, values: { name: 'Maya Whitfield' } }] },
    decision: { kind: 'perChild', perChild: { [MAYA]: { outcome: 'plan' }, [GONE]: { outcome: 'no-plan', rationale: 'Left behind.' } } },
    agencies: {
      kind: 'list',
      items: [{ id: AGENCY, values: { recommendation: { perChild: { [MAYA]: { view: 'plan' }, [GONE]: { view: 'none' } } } } }],
    },
    risk: { kind: 'single', values: { harm: 'Repeated violence.', score: { score: 3, definition: '0 = unsafe; 10 = safe' } } },
  },
};

describe('purging answers left by removed children', () => {
  it('drops per-child answers for a child no longer on the conference, at any depth, and keeps everything else', () => {
    const purged = purgeRemovedChildren(record);
    expect(purged.sections['decision']).toEqual({ kind: 'perChild', perChild: { [MAYA]: { outcome: 'plan' } } });
    expect(purged.sections['agencies']).toEqual({
      kind: 'list',
      items: [{ id: AGENCY, values: { recommendation: { perChild: { [MAYA]: { view: 'plan' } } } } }],
    });
    expect(purged.sections['risk']).toEqual(record.sections['risk']);
    expect(purged.sections['children']).toEqual(record.sections['children']);
    expect(JSON.stringify(purged)).not.toContain(GONE);
  });

  it('changes nothing when every answer belongs to a child on the conference, and never mutates its input', () => {
    const before = JSON.stringify(record);
    const once = purgeRemovedChildren(record);
    expect(purgeRemovedChildren(once)).toEqual(once);
    expect(JSON.stringify(record)).toBe(before);
  });
});
