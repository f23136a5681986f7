// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SectionValue } from '../../../domain/record/conference';
import { assessReadiness } from '../../../domain/rules/readiness';
import type { ConferenceTemplate, FieldDef } from '../../../domain/template/types';
import { fieldDomId, refDomId } from '../../../renderer/src/guided/scope';
import { whitfieldRecord } from '../../../main/demo/scenarios/whitfield';
import { templateFor } from '../../../templates/conference-templates';
import { blur, button, byId, click, id, item, lastChange, press, record, render, SCALE, settle, type, type Rendered } from './harness';

const maya = id();
const leo = id();
const socialCare = id();
const idva = id();

/** A conference part-way through: two children, two agencies (one dissenting), one decision. */
function whitfieldSoFar() {
  return record('initial', {
    meeting: {
      kind: 'single',
      values: { date: '2026-01-15', startTime: '10:00', format: 'hybrid', chair: 'Priya Natarajan', scaleDefinition: SCALE, strategyDiscussionDate: '2025-12-22', blindScaling: false },
    },
    children: {
      kind: 'list',
      items: [item({ name: 'Maya Whitfield', dateOfBirth: '2018-05-03' }, maya), item({ name: 'Leo Whitfield', dateOfBirth: '2023-09-11' }, leo)],
    },
    agencies: {
      kind: 'list',
      items: [
        item(
          {
            agency: 'social-care',
            representative: 'Sam Okafor',
            attendance: 'present',
            informationShared: 'Three police call-outs in eight weeks.',
            // A nested list item with a gap: its finding names an item inside an item.
            specialistTools: [item({ tool: 'dash' })],
            recommendations: { perChild: { [maya]: { recommendation: 'cp-plan', reasons: 'Emotional harm.' } } },
          },
          socialCare,
        ),
        item(
          {
            agency: 'idva',
            representative: 'Nadia Rahman',
            attendance: 'present',
            informationShared: 'Mother engaging with safety planning.',
            recommendations: { perChild: { [maya]: { recommendation: 'cin-plan', reasons: 'Father has left.' } } },
          },
          idva,
        ),
      ],
    },
    voice: { kind: 'perChild', perChild: { [maya]: { visits: [item({ date: '2026-01-08', seenAlone: false })] } } },
    dissent: { kind: 'list', items: [item({ agency: idva, children: [maya], reasons: 'Safety plan is enough.', escalation: 'not-escalating' })] },
    decision: {
      kind: 'perChild',
      perChild: { [maya]: { limbA: 'yes', limbB: 'yes', likelySignificantHarm: 'yes', outcome: 'cp-plan', categories: ['emotional-abuse'], rationale: 'Nine days is not yet safety.' } },
    },
  });
}

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
});

async function openSection(title: RegExp) {
  if (!rendered) throw new Error('render first');
  await click(button(rendered.container, title));
  await settle();
}

function sectionOf(change: SectionValue | undefined) {
  if (change?.kind !== 'list') throw new Error('expected a list section');
  return change.items;
}

describe('the guided form follows the template', () => {
  it('lists every section in order with its progress and shows one section at a time', async () => {
    rendered = await render(whitfieldSoFar());
    const template = templateFor('initial');
    const nav = rendered.container.querySelector('nav[aria-label="Conference sections"]');
    const items = [...(nav?.querySelectorAll('ol > li') ?? [])].map((li) => li.textContent ?? '');
    expect(items).toHaveLength(template.sections.length);
    template.sections.forEach((section, index) => expect(items[index]).toContain(section.title));
    // Meeting details: date, start time, format, chair, strategy date, scale definition are all answered.
    expect(items[0]).toMatch(/6 of 6 answered/);
    expect(rendered.container.querySelectorAll('h2')).toHaveLength(1);
    expect(rendered.container.querySelector('h2')?.textContent).toBe('Meeting details and timescales');
  });

  it('marks required fields and leaves hidden ones out until their condition holds', async () => {
    rendered = await render(whitfieldSoFar());
    await openSection(/Agency contributions/);
    const representative = byId(fieldDomId({ section: 'agencies', itemId: idva }, 'representative'));
    expect(rendered.container.querySelector(`label[for="${representative.id}"]`)?.textContent).toContain('(required)');
    const restrictedDetail = fieldDomId({ section: 'agencies', itemId: idva }, 'restrictedDetail');
    expect(document.getElementById(restrictedDetail)).toBeNull();
    await click(byId(fieldDomId({ section: 'agencies', itemId: idva }, 'restricted'))); // "Yes" is the first radio
    expect(document.getElementById(restrictedDetail)).not.toBeNull();
  });

  it('shows a field that depends on the answer just given at once, even while the rules wait for typing to pause', async () => {
    // A settle delay far longer than the test: only the block's own, current values can reveal the field.
    rendered = await render(whitfieldSoFar(), undefined, undefined, 600_000);
    await openSection(/Decision for each child/);
    const categories = fieldDomId({ section: 'decision', childId: leo }, 'categories');
    expect(document.getElementById(categories)).toBeNull();
    const outcome = byId<HTMLSelectElement>(fieldDomId({ section: 'decision', childId: leo }, 'outcome'));
    await act(async () => {
      outcome.value = 'cp-plan';
      outcome.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(document.getElementById(categories)).not.toBeNull();
  });

  it('draws a field added to a template without any change to the renderer', async () => {
    const base = templateFor('initial');
    const added: FieldDef[] = [
      { id: 'interpreterLanguage', type: 'text', label: 'Interpreter’s language', required: true },
      { id: 'familyAgreed', type: 'yesno', label: 'The family agreed the agenda' },
      { id: 'followUps', type: 'list', label: 'Follow-ups', itemLabel: 'follow-up', fields: [{ id: 'what', type: 'text', label: 'What' }] },
    ];
    const template: ConferenceTemplate = {
      ...base,
      sections: base.sections.map((s) => (s.id === 'meeting' ? { ...s, fields: [...s.fields, ...added] } : s)),
    };
    rendered = await render(whitfieldSoFar(), template);
    expect(byId(fieldDomId({ section: 'meeting' }, 'interpreterLanguage')).tagName).toBe('INPUT');
    expect(rendered.container.textContent).toContain('The family agreed the agenda');
    await click(button(rendered.container, 'Add follow-up'));
    expect(rendered.container.textContent).toContain('Follow-up 1');
    // The new required field counts in the section's progress.
    expect(rendered.container.querySelector('nav ol li')?.textContent).toMatch(/6 of 7 answered/);
  });
});

describe('values are stored in the record’s shape', () => {
  it('stores a safety-scale score together with the conference’s scale definition', async () => {
    rendered = await render(whitfieldSoFar());
    await openSection(/Agency contributions/);
    await click(byId(`${fieldDomId({ section: 'agencies', itemId: socialCare }, 'scale')}--3`));
    const agency = sectionOf(lastChange(rendered, 'agencies')).find((a) => a.id === socialCare);
    expect(agency?.values['scale']).toEqual({ score: 3, definition: SCALE });
  });

  it('stores a typed date as yyyy-mm-dd, and keeps an impossible one as typed while explaining it', async () => {
    rendered = await render(whitfieldSoFar());
    const date = byId<HTMLInputElement>(fieldDomId({ section: 'meeting' }, 'date'));
    expect(date.value).toBe('15/01/2026');
    await type(date, '2/3/2026');
    await blur(date);
    const stored = lastChange(rendered, 'meeting');
    expect(stored?.kind === 'single' && stored.values['date']).toBe('2026-03-02');
    expect(date.value).toBe('02/03/2026');

    await type(date, '29/02/2026');
    await blur(date);
    await settle();
    const after = lastChange(rendered, 'meeting');
    // Kept exactly as typed, so closing the app loses nothing; it still blocks signing.
    expect(after?.kind === 'single' && after.values['date']).toBe('29/02/2026');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    const error = byId(`${date.id}--error`);
    expect(error.textContent).toContain('29/02/2026 is not a real date: 2026 is not a leap year.');
    expect(date.getAttribute('aria-describedby')).toContain(error.id);
    // The typed text stays on screen and the readiness check lists it as blocking.
    expect(date.value).toBe('29/02/2026');
    await click(button(rendered.container, /Ready to sign\?/));
    expect(rendered.container.textContent).toContain('“Date of the conference”: 29/02/2026 is not a real date');
    // Listed once, with the precise message, not again as the template's general one.
    expect(rendered.container.textContent).not.toContain('“Date of the conference” is not a real date.');
  });

  it('hands autosave only the section that changed', async () => {
    rendered = await render(whitfieldSoFar());
    await type(byId<HTMLInputElement>(fieldDomId({ section: 'meeting' }, 'chair')), 'Priya Natarajan (independent chair)');
    expect(rendered.changes.map((c) => c.sectionId)).toEqual(['meeting']);
    const meeting = lastChange(rendered, 'meeting');
    expect(meeting?.kind === 'single' && meeting.values['chair']).toBe('Priya Natarajan (independent chair)');
    expect(meeting?.kind === 'single' && meeting.values['date']).toBe('2026-01-15');
  });

  it('gives a new conference the template’s usual scale definition, once, and leaves a cleared one alone', async () => {
    const fresh = record('initial', { meeting: { kind: 'single', values: { date: '2026-01-15' } } });
    rendered = await render(fresh);
    const seeded = lastChange(rendered, 'meeting');
    expect(seeded?.kind === 'single' && seeded.values['scaleDefinition']).toMatch(/^0 = /);
    expect(seeded?.kind === 'single' && seeded.values['blindScaling']).toBe(false);
    rendered.unmount();
    const cleared = record('initial', { meeting: { kind: 'single', values: { date: '2026-01-15', scaleDefinition: '', blindScaling: true } } });
    rendered = await render(cleared);
    expect(rendered.changes).toEqual([]);
  });

  it('offers the restricted tick under long answers, but not under the scale definition the family reads with every score', async () => {
    rendered = await render(whitfieldSoFar());
    await openSection(/Risk analysis/);
    expect(document.getElementById(`${fieldDomId({ section: 'risk' }, 'harm')}--restricted`)).not.toBeNull();
    await openSection(/Meeting details/);
    expect(document.getElementById(fieldDomId({ section: 'meeting' }, 'scaleDefinition'))).not.toBeNull();
    expect(document.getElementById(`${fieldDomId({ section: 'meeting' }, 'scaleDefinition')}--restricted`)).toBeNull();
  });

  it('shows names with markup, right-to-left script and emoji as text', async () => {
    const conference = whitfieldSoFar();
    const name = '<img src=x onerror="alert(1)"> Zoë O’Brien-Ñúñez 🌟 مريم';
    rendered = await render(conference);
    await openSection(/^2\. Children/);
    await type(byId<HTMLInputElement>(fieldDomId({ section: 'children', itemId: maya }, 'name')), name);
    await openSection(/Decision for each child/);
    expect(rendered.container.querySelector('img')).toBeNull();
    const heading = byId(refDomId({ section: 'decision', childId: maya }));
    expect(heading.textContent).toBe(name);
    expect(heading.querySelector('bdi')).not.toBeNull();
  });
});

describe('removing items', () => {
  it('removes an item at once and undoes the removal in place', async () => {
    rendered = await render(whitfieldSoFar());
    await openSection(/^2\. Children/);
    await click(button(rendered.container, /^Remove Child 2: Leo Whitfield$/));
    // Leo has no answers elsewhere yet, so there is nothing to warn about.
    expect(sectionOf(lastChange(rendered, 'children')).map((c) => c.id)).toEqual([maya]);
    await settle();
    expect(document.activeElement?.textContent).toBe('Undo removing Child 2: Leo Whitfield');
    await click(document.activeElement as HTMLElement);
    expect(sectionOf(lastChange(rendered, 'children')).map((c) => c.id)).toEqual([maya, leo]);
  });

  it('warns before removing an agency a dissent record cites, and can keep it', async () => {
    rendered = await render(whitfieldSoFar());
    await openSection(/Agency contributions/);
    await click(button(rendered.container, /^Remove Agency 2: IDVA service$/));
    await settle();
    expect(document.activeElement?.textContent).toContain('IDVA service is cited in a dissent record');
    expect(lastChange(rendered, 'agencies')).toBeUndefined();
    await click(button(rendered.container, 'Keep it'));
    expect(lastChange(rendered, 'agencies')).toBeUndefined();
    await click(button(rendered.container, /^Remove Agency 2: IDVA service$/));
    await click(button(rendered.container, 'Remove agency anyway'));
    expect(sectionOf(lastChange(rendered, 'agencies')).map((a) => a.id)).toEqual([socialCare]);
  });
});

describe('readiness and navigation', () => {
  it('links every finding to the exact field that resolves it', async () => {
    const conference = whitfieldSoFar();
    rendered = await render(conference);
    const findings = assessReadiness(templateFor('initial'), conference).findings;
    expect(findings.length).toBeGreaterThan(20);
    for (const finding of findings) {
      await click(button(rendered.container, /Ready to sign\?/));
      const link = [...rendered.container.querySelectorAll<HTMLAnchorElement>('.g-readiness a')].find((a) => a.textContent === finding.message);
      expect(link, finding.message).toBeDefined();
      await click(link as HTMLAnchorElement);
      await settle();
      expect(document.activeElement?.id, finding.message).toBe(refDomId(finding.ref));
    }
  });

  it('checks readiness against the council’s own rule sets when it is given them', async () => {
    const councilRule = () => [
      { rule: 'local.test', severity: 'blocking' as const, message: 'Record the council’s local checklist.', ref: { section: 'attendance', field: 'reportsNotes' } },
    ];
    rendered = await render(whitfieldSoFar(), undefined, [councilRule]);
    await click(button(rendered.container, /Ready to sign\?/));
    const link = [...rendered.container.querySelectorAll('a')].find((a) => a.textContent === 'Record the council’s local checklist.');
    expect(link).toBeDefined();
    await click(link as HTMLAnchorElement);
    await settle();
    expect(document.activeElement?.id).toBe(refDomId({ section: 'attendance', field: 'reportsNotes' }));
  });

  it('says ready to sign only when no blocking finding remains', async () => {
    rendered = await render(whitfieldSoFar());
    await click(button(rendered.container, /Ready to sign\?/));
    expect(rendered.container.textContent).toMatch(/Not ready to sign: \d+ things need doing first/);
    expect(rendered.container.querySelector('.g-panel--ready')).toBeNull();
    rendered.unmount();

    rendered = await render(whitfieldRecord());
    await click(button(rendered.container, /Ready to sign\?/));
    expect(rendered.container.querySelector('.g-panel--ready')?.textContent).toContain('Ready to sign');
    expect(rendered.container.querySelector('.g-panel--blocking')).toBeNull();
  });

  it('moves between sections and adds an agency from the keyboard', async () => {
    rendered = await render(whitfieldSoFar());
    await press('ArrowRight', 'ArrowRight');
    await settle();
    expect(document.activeElement?.textContent).toBe('Children');
    await press('ArrowLeft', 'ArrowLeft');
    await settle();
    expect(document.activeElement?.textContent).toBe('Meeting details and timescales');
    await press('KeyA', 'Å');
    await settle();
    const agencies = sectionOf(lastChange(rendered, 'agencies'));
    expect(agencies).toHaveLength(3);
    expect(document.activeElement?.id).toBe(fieldDomId({ section: 'agencies', itemId: agencies[2]?.id }, 'agency'));
  });

  it('shows each agency’s view beside the decision, with the departures marked', async () => {
    rendered = await render(whitfieldSoFar());
    await openSection(/Decision for each child/);
    const collation = byId('collation--' + maya + '--compact').closest('section');
    const rows = [...(collation?.querySelectorAll('tbody tr') ?? [])];
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual([expect.stringContaining('Children’s social care'), expect.stringContaining('IDVA service')]);
    expect(rows[1]?.textContent).toContain('Differs from the decision');
    expect(rows[0]?.textContent).not.toContain('Differs from the decision');
    expect(collation?.textContent).toContain('IDVA service recommended “Child in need plan (section 17)”');
  });

  it('keeps scores hidden under blind scaling until every attending agency has scored', async () => {
    const conference = whitfieldSoFar();
    const meeting = conference.sections['meeting'];
    if (meeting?.kind === 'single') meeting.values['blindScaling'] = true;
    const agencies = conference.sections['agencies'];
    if (agencies?.kind === 'list' && agencies.items[0]) agencies.items[0].values['scale'] = { score: 3, definition: SCALE };
    rendered = await render(conference);
    await click(button(rendered.container, /Collation of agency views/));
    expect(rendered.container.textContent).toContain('Waiting for: IDVA service');
    expect(rendered.container.textContent).not.toMatch(/Lowest \d/);
    await openSection(/Agency contributions/);
    await click(byId(`${fieldDomId({ section: 'agencies', itemId: idva }, 'scale')}--6`));
    await click(button(rendered.container, /Collation of agency views/));
    await settle();
    expect(rendered.container.textContent).toContain('Lowest 3, median 4.5, highest 6');
  });
});
