import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { formatUkDate } from '../../domain/calendar/dates';
import { childrenOf, isScaleScore, itemsOf, perChildOf } from '../../domain/record/access';
import type { ConferenceRecord, FieldValue, SectionValue, Values } from '../../domain/record/conference';
import type { FieldDef, SectionDef } from '../../domain/template/types';
import { enterChild, enterItem, fieldDomId, refDomId, sectionHeadingId, type FieldScope } from '../../renderer/src/guided/scope';
import { templateFor } from '../../templates/conference-templates';

/**
 * Enters a fixture record through the guided form the way a chair would, driven by the
 * template: for each section in order, each field the fixture has a value for is filled by
 * its type (typing, ticking, choosing with the keyboard). Items the form creates get new
 * ids, so the driver keeps a map from the fixture's ids to the form's, and references
 * (a dissent's agency, a recommendation's child) are translated through it.
 */
export class GuidedDriver {
  readonly template;
  /** Fixture id → id the form gave the same child or item. */
  readonly ids = new Map<string, string>();

  constructor(
    readonly page: Page,
    readonly fixture: ConferenceRecord,
  ) {
    this.template = templateFor(fixture.type);
  }

  el(domId: string) {
    return this.page.locator(`[id="${domId}"]`);
  }

  private ui(fixtureId: string): string {
    const mapped = this.ids.get(fixtureId);
    if (!mapped) throw new Error(`No item on screen stands for fixture id ${fixtureId}`);
    return mapped;
  }

  /** Opens a section from the navigation and waits for its heading to take focus. */
  async open(sectionId: string): Promise<void> {
    const section = this.template.sections.find((s) => s.id === sectionId);
    await this.page.getByRole('navigation', { name: 'Conference sections' }).getByRole('button', { name: new RegExp(`^\\d+\\. ${escape(section?.title ?? sectionId)} (\\d+ of \\d+ answered|Nothing required|\\d+ items? blocks? signing)`) }).click();
    await expect(this.el(sectionHeadingId(sectionId))).toBeFocused();
  }

  /** Moves on with the keyboard shortcut and checks the next section opened. */
  async next(expected: string): Promise<void> {
    await this.page.keyboard.press('Alt+Shift+ArrowRight');
    await expect(this.el(sectionHeadingId(expected))).toBeFocused();
  }

  /** The children were named when the conference was created: match them up by position. */
  async matchChildren(): Promise<void> {
    const headings = this.page.locator('.g-item__title[id^="f--children--i-"]');
    await expect(headings).toHaveCount(childrenOf(this.fixture).length);
    const ids = await headings.evaluateAll((els) => els.map((el) => el.id.replace('f--children--i-', '')));
    childrenOf(this.fixture).forEach((child, index) => this.ids.set(child.id, ids[index] ?? ''));
  }

  async fillSection(section: SectionDef): Promise<void> {
    const value = this.fixture.sections[section.id];
    const scope: FieldScope = { section: section.id };
    if (!value) return;
    switch (value.kind) {
      case 'single':
        await this.fillFields(section.fields, value.values, scope);
        return;
      case 'perChild':
        for (const child of childrenOf(this.fixture)) {
          await this.fillFields(section.fields, value.perChild[child.id] ?? {}, enterChild(scope, this.ui(child.id)));
        }
        return;
      case 'list':
        for (const item of value.items) {
          const uiId = section.id === 'children' ? this.ui(item.id) : await this.addItem(scope, section.fields, section.id === 'agencies');
          this.ids.set(item.id, uiId);
          await this.fillFields(section.fields, item.values, enterItem(scope, uiId));
        }
    }
  }

  /** Adds an item (agencies with Alt+Shift+A, others with the Add button) and returns its id. */
  private async addItem(scope: FieldScope, fields: readonly FieldDef[], byShortcut: boolean, listField?: string): Promise<string> {
    if (byShortcut) {
      await this.page.keyboard.press('Alt+Shift+A');
    } else {
      const add = this.el(listField ? fieldDomId(scope, listField) : refDomId(scope));
      await add.focus();
      await this.page.keyboard.press('Enter');
    }
    const first = fields[0]?.id ?? '';
    // The new item's first field takes focus; its id carries the item's id.
    const pattern = new RegExp(`--[is]-([0-9a-f-]{36})--${first}$`);
    await expect.poll(() => this.page.evaluate(() => document.activeElement?.id ?? '')).toMatch(pattern);
    const focused = await this.page.evaluate(() => document.activeElement?.id ?? '');
    return pattern.exec(focused)?.[1] ?? '';
  }

  async fillFields(fields: readonly FieldDef[], values: Values, scope: FieldScope): Promise<void> {
    for (const field of fields) {
      const value = values[field.id];
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
      await this.fillField(field, value, scope);
    }
  }

  private async press(domId: string): Promise<void> {
    await this.el(domId).focus();
    await this.page.keyboard.press('Space');
    await expect(this.el(domId)).toBeChecked();
  }

  private optionDomId(domId: string, index: number): string {
    if (index < 0) throw new Error(`No option for ${domId}`);
    return index === 0 ? domId : `${domId}--${index}`;
  }

  private translate(field: FieldDef, value: string): string {
    return field.optionsFrom === 'agencies' || field.optionsFrom === 'children' ? this.ui(value) : value;
  }

  async fillField(field: FieldDef, value: FieldValue, scope: FieldScope): Promise<void> {
    const domId = fieldDomId(scope, field.id);
    const control = this.el(domId);
    switch (field.type) {
      case 'text':
      case 'longtext':
        await control.fill(String(value));
        return;
      case 'date':
        await control.fill(formatUkDate(String(value)));
        await control.press('Tab');
        return;
      case 'time':
        await control.fill(String(value));
        await control.press('Tab');
        return;
      case 'yesno':
        await this.press(this.optionDomId(domId, value === true ? 0 : 1));
        return;
      case 'scale':
        if (!isScaleScore(value)) throw new Error(`${field.id} is not a score`);
        await this.press(this.optionDomId(domId, value.score));
        return;
      case 'select': {
        const wanted = this.translate(field, String(value));
        if ((await control.evaluate((el) => el.tagName)) === 'SELECT') {
          await control.selectOption(wanted);
        } else {
          await this.press(this.optionDomId(domId, (field.options ?? []).findIndex((o) => o.value === wanted)));
        }
        return;
      }
      case 'multiselect': {
        const options = field.optionsFrom === 'children' ? childrenOf(this.fixture).map((c) => c.id) : (field.options ?? []).map((o) => o.value);
        for (const chosen of value as string[]) await this.press(this.optionDomId(domId, options.indexOf(chosen)));
        return;
      }
      case 'list':
        for (const item of itemsOf(value)) {
          const uiId = await this.addItem(scope, field.fields ?? [], false, field.id);
          this.ids.set(item.id, uiId);
          await this.fillFields(field.fields ?? [], item.values, enterItem(scope, uiId));
        }
        return;
      case 'perChild':
        for (const child of childrenOf(this.fixture)) {
          const mine = perChildOf(value, child.id);
          if (Object.keys(mine).length > 0) await this.fillFields(field.fields ?? [], mine, enterChild(scope, this.ui(child.id)));
        }
    }
  }

  /** The record as stored, with the form's ids turned back into the fixture's. */
  async storedRecord(conferenceId: string): Promise<Record<string, SectionValue>> {
    const stored = await this.page.evaluate(async (id) => {
      const response = await fetch('/api/conferences.get', { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-shell-session': sessionStorage.getItem('conference-recorder.shell-session') ?? '' }, body: JSON.stringify({ id }) });
      return (await response.json()) as { ok: boolean; value: { conference: ConferenceRecord } };
    }, conferenceId);
    const back = new Map([...this.ids].map(([fixtureId, uiId]) => [uiId, fixtureId]));
    return JSON.parse(JSON.stringify(stored.value.conference.sections), (_key, v: unknown) => {
      if (typeof v === 'string' && back.has(v)) return back.get(v);
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
        return Object.fromEntries(Object.entries(v).map(([k, inner]) => [back.get(k) ?? k, inner]));
      }
      return v;
    }) as Record<string, SectionValue>;
  }

  /** Axe with the WCAG 2.2 AA rule sets; only serious and critical findings fail. */
  async axe(): Promise<string[]> {
    const results = await new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A section as the comparison should see it: empty lists dropped (a fixture may spell out
 * `exclusions: []`), and a list section with no items the same as no section at all.
 */
export function normaliseSection(value: SectionValue | undefined): unknown {
  const plain = JSON.parse(JSON.stringify(value ?? null), (_key, v: unknown) => (Array.isArray(v) && v.length === 0 ? undefined : v)) as Record<string, unknown> | null;
  return plain && plain['kind'] === 'list' && plain['items'] === undefined ? null : plain;
}
