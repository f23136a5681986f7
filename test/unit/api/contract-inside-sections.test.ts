import { describe, expect, it } from 'vitest';
import { apiContract } from '../../../domain/api/contract';
import { MAX_TEXT_LENGTH, type ConferenceRecord } from '../../../domain/record/conference';
import { createConference, expectFailure, openStore, snapshotFolder, type Harness } from '../store/helpers';

/**
 * The contract holds inside sections: only the sections and fields the conference type's
 * template names can be saved, names that collide with Object.prototype are plain validation
 * errors, and whatever the input schema accepts, the list and get answers can carry.
 * Every call goes through `dispatch` to a real (temporary, encrypted) store.
 */

type Got = { conference: ConferenceRecord };

async function refused(h: Harness, record: ConferenceRecord, sections: unknown): Promise<string> {
  const before = await snapshotFolder(h.dir);
  const message = await expectFailure(h.call('conferences.save', { id: record.id, baseRevision: 1, sections }), 'INVALID_INPUT');
  expect(message).toMatch(/Nothing was changed\.$/);
  expect(await snapshotFolder(h.dir)).toEqual(before);
  return message;
}

const agency = (values: Record<string, unknown>) => ({
  kind: 'list',
  items: [{ id: '3f1e6f7a-8a53-4c1b-9d5e-2f6a7b8c9d0e', values: { agency: 'school', ...values } }],
});

describe('sections and fields outside the template', () => {
  it('refuses a section the template does not have', async () => {
    const h = await openStore();
    const record = await createConference(h);
    const message = await refused(h, record, { notes: { kind: 'single', values: { text: 'Fictional note.' } } });
    expect(message).toMatch(/not part of this conference’s template/);
  });

  it('refuses a field the section does not have, at every level', async () => {
    const h = await openStore();
    const record = await createConference(h);
    const childId = (record.sections['children'] as { items: { id: string }[] }).items[0]!.id;
    await refused(h, record, { meeting: { kind: 'single', values: { chair: 'Harriet Quennell', favouriteColour: 'teal' } } });
    await refused(h, record, { agencies: agency({ shoeSize: 'nine' }) });
    // A list field's items and a per-child field's values are checked against their own fields.
    await refused(h, record, { risk: { kind: 'single', values: { dangerStatements: [{ id: childId, values: { mood: 'x' } }] } } });
    await refused(h, record, { risk: { kind: 'single', values: { chairScale: { perChild: { [childId]: { colour: 'x' } } } } } });
    await refused(h, record, { decision: { kind: 'perChild', perChild: { [childId]: { verdict: 'x' } } } });
  });

  it('refuses a section stored in a shape its template does not use', async () => {
    const h = await openStore();
    const record = await createConference(h);
    await refused(h, record, { meeting: { kind: 'list', items: [] } });
  });

  it('still saves what the template does name', async () => {
    const h = await openStore();
    const record = await createConference(h);
    await h.ok('conferences.save', {
      id: record.id,
      baseRevision: 1,
      sections: { agencies: agency({ representative: 'Ms Okafor, head teacher', worries: 'Attendance.' }) },
    });
    const got = await h.ok<Got>('conferences.get', { id: record.id });
    expect(got.conference.revision).toBe(2);
  });
});

describe('names that collide with Object.prototype', () => {
  const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty'];

  for (const name of NAMES) {
    it(`“${name}” as a section name is a validation error, not an internal one`, async () => {
      const h = await openStore();
      const record = await createConference(h);
      // JSON.parse makes an own property even of "__proto__", as a request body would.
      const sections: unknown = JSON.parse(`{"${name}": {"kind": "single", "values": {}}}`);
      expect(await refused(h, record, sections)).toMatch(/reserved word/);
    });

    it(`“${name}” as a field name is a validation error, not an internal one`, async () => {
      const h = await openStore();
      const record = await createConference(h);
      const sections: unknown = JSON.parse(`{"meeting": {"kind": "single", "values": {"${name}": "x"}}}`);
      expect(await refused(h, record, sections)).toMatch(/reserved word/);
      const inItem: unknown = JSON.parse(
        `{"agencies": {"kind": "list", "items": [{"id": "3f1e6f7a-8a53-4c1b-9d5e-2f6a7b8c9d0e", "values": {"${name}": "x"}}]}}`,
      );
      expect(await refused(h, record, inItem)).toMatch(/reserved word/);
    });
  }
});

describe('input and output limits agree', () => {
  it('a 550-character chair name saves and the conference list can still be read', async () => {
    const h = await openStore();
    const record = await createConference(h);
    const chair = 'Harriet Quennell '.repeat(33).slice(0, 550);
    await h.ok('conferences.save', { id: record.id, baseRevision: 1, sections: { meeting: { kind: 'single', values: { date: '2025-05-14', chair } } } });
    const list = await h.ok('conferences.list');
    const parsed = apiContract['conferences.list'].output.safeParse(list);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.conferences[0]?.chair).toBe(chair);
  });

  it('the largest text the save accepts round-trips through the list and get answers', async () => {
    const h = await openStore();
    const record = await createConference(h);
    const childId = (record.sections['children'] as { items: { id: string }[] }).items[0]!.id;
    const longest = 'x'.repeat(MAX_TEXT_LENGTH);
    const sections = {
      meeting: { kind: 'single', values: { date: '2025-05-14', chair: longest } },
      children: { kind: 'list', items: [{ id: childId, values: { name: longest } }] },
      decision: { kind: 'perChild', perChild: { [childId]: { outcome: longest } } },
    };
    expect(apiContract['conferences.save'].input.safeParse({ id: record.id, baseRevision: 1, sections }).success).toBe(true);
    await h.ok('conferences.save', { id: record.id, baseRevision: 1, sections });
    const list = apiContract['conferences.list'].output.safeParse(await h.ok('conferences.list'));
    expect(list.success).toBe(true);
    expect(list.data?.conferences[0]?.children[0]?.name).toHaveLength(MAX_TEXT_LENGTH);
    const got = apiContract['conferences.get'].output.safeParse(await h.ok('conferences.get', { id: record.id }));
    expect(got.success).toBe(true);
  });
});
