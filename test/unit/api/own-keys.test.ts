import { describe, expect, it } from 'vitest';
import { childValues, listItems, perChildOf, singleValues } from '../../../domain/record/access';
import type { ConferenceRecord } from '../../../domain/record/conference';

/** Reading by a name every object inherits finds nothing, not Object.prototype's functions. */
describe('record reads by untrusted names', () => {
  const record: ConferenceRecord = {
    id: '0b7c5a6e-1f0d-4a57-9a55-5d8f4c1e2b3a',
    schemaVersion: 1,
    type: 'initial',
    revision: 1,
    createdAt: '2025-05-14T09:00:00.000Z',
    updatedAt: '2025-05-14T09:00:00.000Z',
    sections: { decision: { kind: 'perChild', perChild: {} } },
  };

  it('treats constructor, toString and __proto__ as absent', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(singleValues(record, name)).toEqual({});
      expect(listItems(record, name)).toEqual([]);
      expect(childValues(record, 'decision', name)).toEqual({});
      expect(perChildOf({ perChild: {} }, name)).toEqual({});
    }
  });
});
