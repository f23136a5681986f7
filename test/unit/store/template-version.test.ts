import { describe, expect, it } from 'vitest';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { templateVersionOf } from '../../../domain/record/template-version';
import type { Migration } from '../../../main/services/store/migrations';
import { TEMPLATE_VERSION, templateForRecord } from '../../../templates/conference-templates';
import { createConference, harness, openStore, PASSPHRASE } from './helpers';

type Got = { conference: ConferenceRecord; problems: unknown[] };

/** Makes the stored record look like one saved before the template version was stored. */
const forgetTemplateVersion: Migration = {
  version: 2,
  name: 'records from before templateVersion was stored',
  up(record) {
    delete record['templateVersion'];
    return record;
  },
  down(record) {
    return record;
  },
};

describe('the template version stored in every record', () => {
  it('is set when a conference is created', async () => {
    const h = await openStore();
    const record = await createConference(h);
    expect(record.templateVersion).toBe(TEMPLATE_VERSION);
  });

  it('a record saved before it was stored still opens, reads as version 1, and is stamped with today’s version when saved', async () => {
    const first = await openStore();
    const created = await createConference(first);
    await first.ok('vault.lock');

    const h = harness(first.dir, { migrations: [forgetTemplateVersion] });
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    const { conference, problems } = await h.ok<Got>('conferences.get', { id: created.id });
    expect(problems).toEqual([]);
    expect(conference.templateVersion).toBeUndefined();
    expect(templateVersionOf(conference)).toBe(1);
    expect(templateForRecord(conference).version).toBe(1);
    expect(templateForRecord(conference).sections.map((s) => s.id)).toContain('decision');

    const risk = { kind: 'single', values: { harm: 'Bruising seen by the school nurse.' } };
    await h.ok('conferences.save', { id: created.id, baseRevision: conference.revision, sections: { risk } });
    const saved = (await h.ok<Got>('conferences.get', { id: created.id })).conference;
    expect(saved.templateVersion).toBe(TEMPLATE_VERSION);
    expect(saved.sections['risk']).toEqual(risk);
  });

  it('a record from a newer app’s template is refused with a plain sentence, not read with the wrong questions', () => {
    expect(() => templateForRecord({ type: 'initial', templateVersion: TEMPLATE_VERSION + 1 })).toThrow(/newer version of Conference Recorder/);
  });
});
