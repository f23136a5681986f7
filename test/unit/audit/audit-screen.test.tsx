// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../domain/api/result';
import { cohortRowOf, type CohortRow } from '../../../domain/audit/types';
import { cohortView, type CohortView } from '../../../domain/audit/view';
import { AuditScreen } from '../../../renderer/src/audit/AuditScreen';
import { SessionContext, type Session } from '../../../renderer/src/session/SessionContext';
import { auditChild } from '../../../domain/audit/indicators';
import { templateForRecord } from '../../../templates/conference-templates';
import { osei } from './records';

/**
 * The audit screen against a stand-in for the app: it asks for views of the kept cohort and
 * draws only what comes back. What a manager relies on: "Show more" asks for the next rows, an
 * answer overtaken by a newer question is never drawn, and a view that fails leaves the table.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Answer = CohortView & { total: number; unreadable: number; message: string | null };
type Asked = { input: Record<string, unknown>; reply: (answer: Answer | Error) => Promise<void> };

/** 250 children: Daniel Osei's row, each with its own ids, name and one of two chairs. */
function cohortOf(count: number): CohortRow[] {
  const o = osei();
  const row = cohortRowOf({
    ...auditChild(o.record, o.daniel, { template: templateForRecord(o.record), signOff: { signedAt: null, intact: true }, today: '2026-02-04' }),
    cameBack: { status: 'not-back', matches: [], explanation: '' },
    judgements: [],
    judgementsMissing: 0,
  });
  return Array.from({ length: count }, (_, i) => ({
    ...row,
    conferenceId: `c-${String(i).padStart(4, '0')}`,
    childName: `Child ${String(i).padStart(4, '0')}`,
    chair: i % 2 === 0 ? 'Martin Lowe' : 'Priya Natarajan',
  }));
}

const COHORT = cohortOf(250);
const answerFor = (input: Record<string, unknown>, rows = COHORT): Answer => ({
  ...cohortView(rows, input as Parameters<typeof cohortView>[1]),
  total: rows.length,
  unreadable: 0,
  message: null,
});

let root: Root;
let container: HTMLElement;
let asked: Asked[];

beforeEach(() => {
  asked = [];
  container = document.createElement('div');
  document.body.append(container);
  const client = {
    'audit.cohort': (input: Record<string, unknown>) =>
      new Promise((resolve, reject) => {
        asked.push({
          input,
          reply: async (answer) => {
            await act(async () => (answer instanceof Error ? reject(answer) : resolve(answer)));
          },
        });
      }),
  };
  const session = { client, member: { store: { kind: 'local' }, role: 'manager' } } as unknown as Session;
  root = createRoot(container);
  act(() => root.render(createElement(SessionContext.Provider, { value: session }, createElement(AuditScreen))));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

const caption = () => container.querySelector('caption')?.textContent ?? '';
const bodyRows = () => container.querySelectorAll('table.audit-table')[0]?.querySelectorAll('tbody tr').length ?? 0;
const button = (text: RegExp) => [...container.querySelectorAll('button')].find((b) => text.test(b.textContent ?? '')) as HTMLButtonElement;

async function showCohort(): Promise<void> {
  act(() => button(/Show the cohort/).click());
  await asked.at(-1)!.reply(answerFor(asked.at(-1)!.input));
}

function choose(id: string, value: string): void {
  const select = container.querySelector<HTMLSelectElement>(`#${id}`)!;
  act(() => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('the audit screen asks the app for what it draws', () => {
  it('draws the first 100 of 250 children, and “Show 100 more” asks for the next from the kept cohort', async () => {
    await showCohort();
    expect(asked[0]!.input).toMatchObject({ limit: 100, fromLastLook: false });
    expect(caption()).toContain('100 of 250 shown');
    expect(bodyRows()).toBe(100);
    act(() => button(/Show 100 more/).click());
    expect(asked[1]!.input).toMatchObject({ limit: 200, fromLastLook: true, period: asked[0]!.input['period'] });
    await asked[1]!.reply(answerFor(asked[1]!.input));
    expect(caption()).toContain('200 of 250 shown');
    expect(bodyRows()).toBe(200);
  });

  it('never draws an answer overtaken by a newer question', async () => {
    await showCohort();
    choose('f-chair', 'Martin Lowe');
    choose('f-chair', 'Priya Natarajan');
    const [, older, newer] = asked;
    expect([older!.input['filters'], newer!.input['filters']]).toMatchObject([{ chair: 'Martin Lowe' }, { chair: 'Priya Natarajan' }]);
    await newer!.reply(answerFor(newer!.input));
    await older!.reply(answerFor(older!.input));
    const chairs = [...container.querySelectorAll('table.audit-table')[0]!.querySelectorAll('tbody tr td:nth-of-type(2)')].map((td) => td.textContent);
    expect(new Set(chairs)).toEqual(new Set(['Priya Natarajan']));
    expect(caption()).toContain('100 of 125 shown');
  });

  it('says nothing of an overtaken question that failed', async () => {
    await showCohort();
    choose('f-chair', 'Martin Lowe');
    choose('f-chair', 'Priya Natarajan');
    await asked[1]!.reply(new ApiFailure('INTERNAL', 'The app did not answer.'));
    expect(container.querySelector('[role="alert"]')?.textContent ?? '').not.toContain('not updated');
    await asked[2]!.reply(answerFor(asked[2]!.input));
    expect(caption()).toContain('100 of 125 shown');
  });

  it('keeps the table when a view cannot be had, and says so', async () => {
    await showCohort();
    choose('f-chair', 'Martin Lowe');
    await asked[1]!.reply(new ApiFailure('INTERNAL', 'The app did not answer.'));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('The table was not updated. The app did not answer.');
    expect(caption()).toContain('100 of 250 shown');
  });
});
