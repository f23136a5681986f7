import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ConferenceRecord, ConferenceType, GroupItem, SectionValue, Values } from '../../../domain/record/conference';
import type { RuleSet } from '../../../domain/rules/readiness';
import type { ConferenceTemplate } from '../../../domain/template/types';
import { GuidedConference } from '../../../renderer/src/guided/GuidedConference';

/** Test helpers for the guided form in happy-dom: render, type, click, and wait for React. */

(globalThis as Record<string, unknown>)['IS_REACT_ACT_ENVIRONMENT'] = true;

export const SCALE = '0 = not safe at home; 10 = safe enough to close.';

let counter = 0;
/** Deterministic UUIDs so failures are readable. */
export function id(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

export function item(values: Values, itemId = id()): GroupItem {
  return { id: itemId, values };
}

export function record(type: ConferenceType, sections: Record<string, SectionValue>): ConferenceRecord {
  return {
    id: id(),
    schemaVersion: 1,
    type,
    revision: 1,
    createdAt: '2026-01-15T09:00:00.000Z',
    updatedAt: '2026-01-15T09:00:00.000Z',
    sections,
  };
}

export interface Rendered {
  container: HTMLElement;
  changes: { sectionId: string; value: SectionValue }[];
  unmount: () => void;
}

export async function render(conference: ConferenceRecord, template?: ConferenceTemplate, rules?: readonly RuleSet[], settleMs = 0): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  const changes: Rendered['changes'] = [];
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(container);
    root.render(<GuidedConference record={conference} template={template} settleMs={settleMs} rules={rules} onSectionChange={(sectionId, value) => changes.push({ sectionId, value })} />);
  });
  return { container, changes, unmount: () => act(() => root?.unmount()) };
}

/** Lets effects, deferred renders and requestAnimationFrame callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) {
    await act(async () => {
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    });
  }
}

export function byId<T extends HTMLElement = HTMLElement>(domId: string): T {
  const element = document.getElementById(domId);
  if (!element) throw new Error(`No element #${domId}`);
  return element as T;
}

export function button(container: HTMLElement, name: string | RegExp): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? b.textContent?.trim() === name : name.test(b.textContent ?? ''),
  );
  if (!found) throw new Error(`No button named ${String(name)}`);
  return found;
}

export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.click();
  });
}

export async function type(element: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  await act(async () => {
    element.focus();
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')?.set;
    setter?.call(element, text);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function blur(element: HTMLElement): Promise<void> {
  await act(async () => {
    element.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    element.blur();
  });
}

export async function press(code: string, key: string): Promise<void> {
  await act(async () => {
    (document.activeElement ?? document.body).dispatchEvent(
      new KeyboardEvent('keydown', { code, key, altKey: true, shiftKey: true, bubbles: true }),
    );
  });
}

/** The latest value autosave was given for a section. */
export function lastChange(rendered: Rendered, sectionId: string): SectionValue | undefined {
  return rendered.changes.filter((c) => c.sectionId === sectionId).at(-1)?.value;
}
