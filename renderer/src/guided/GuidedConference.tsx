import { memo, useCallback, useDeferredValue, useMemo, useRef, useState, type JSX, type ReactNode } from 'react';
import { collate, type ChildCollation } from '../../../domain/collation/collate';
import type { ConferenceRecord, SectionValue } from '../../../domain/record/conference';
import type { FieldRef } from '../../../domain/rules/finding';
import type { RuleSet } from '../../../domain/rules/readiness';
import { isVisible } from '../../../domain/template/conditions';
import type { ConferenceTemplate } from '../../../domain/template/types';
import { templateForRecord } from '../../../templates/conference-templates';
import { CollationPage } from './collation/CollationPage';
import { CollationView } from './collation/CollationView';
import { GuidedContext, type Draft, type GuidedApi, type RemovalNotice } from './context';
import { defaults } from './fields/ListField';
import { ReadinessPanel } from './readiness/ReadinessPanel';
import { sectionFindings, useReadiness } from './readiness/use-readiness';
import { RemovalNoticeBar, UNDO_BUTTON_ID } from './RemovalNoticeBar';
import { removalWarnings } from './removal-warnings';
import { fallbackDomIds, fieldDomId, sectionHeadingId } from './scope';
import { COLLATION_VIEW, READINESS_VIEW, SectionNav } from './SectionNav';
import { SectionView } from './SectionView';
import { useSettled } from './use-settled';
import { useShortcuts, type ShortcutCode } from './shortcuts';
import { useWorkingRecord } from './use-working-record';
import { newId, withItems } from './values';
import { RestrictedMarksContext, type RestrictedMarksApi } from './restricted/marks-context';
import { markItemsIn, marksIn, MARKS_FIELD, RESTRICTED_SECTION, withMark } from '../../../domain/restricted/marks';
import './guided.css';
import { SECTION } from '../../../domain/template/field-names';

export interface GuidedConferenceProps {
  /** The record as loaded; later changes are made here and reported section by section. */
  record: ConferenceRecord;
  /** Called with every changed section (for autosave); never waited on, so typing never waits. */
  onSectionChange: (sectionId: string, value: SectionValue) => void;
  /** The template to draw; by default the one for the conference's type. */
  template?: ConferenceTemplate;
  /** How long typing must pause before rules and collation catch up (tests use 0). */
  settleMs?: number;
  /** The council's local rule sets (timescales, quorum) from its settings; the domain's defaults otherwise. */
  rules?: readonly RuleSet[];
  /** Shown in the readiness panel once the minutes are ready (the "Sign the minutes" control). */
  signAction?: ReactNode;
  /** A signed conference: every field is shown but none can be changed (the service refuses anyway). */
  readOnly?: boolean;
}

/** Sections whose per-child blocks show the collation beside the chair's answers. */
const COLLATION_BESIDE = new Set<string>([SECTION.decision]);
const AGENCIES = SECTION.agencies;
/** A pause in typing this long lets the rules catch up; shorter than a chair's glance at the panel. */
const SETTLE_MS = 250;

/** Tries the ids in order over a few frames: the element appears once React has committed. */
function focusFirst(ids: readonly string[], framesLeft = 10): void {
  requestAnimationFrame(() => {
    const element = ids.map((id) => document.getElementById(id)).find((el): el is HTMLElement => el !== null);
    if (element) {
      element.focus({ preventScroll: true });
      // A section's heading goes to the top (its content follows); a field to the middle, with its context around it.
      element.scrollIntoView({ block: element.tagName === 'H2' ? 'start' : 'center' });
    } else if (framesLeft > 0) focusFirst(ids, framesLeft - 1);
  });
}

/**
 * The guided conference template: section navigation with progress, one section at a time
 * drawn from the template data, the collation beside each decision, and a readiness check.
 * Values are current on every keystroke; rules, collation and cross-section conditions run
 * on a copy of the record that catches up once typing pauses, as a deferred render, so they
 * never hold up typing.
 */
export const GuidedConference = memo(function GuidedConference({ record: initial, onSectionChange, template: given, settleMs = SETTLE_MS, rules, signAction, readOnly = false }: GuidedConferenceProps) {
  const { type, templateVersion } = initial;
  // Read through the template version the record was written under (version 1 when it has none).
  const template = useMemo(() => given ?? templateForRecord({ type, templateVersion }), [given, type, templateVersion]);
  const { record, getRecord, updateSection } = useWorkingRecord(template, initial, onSectionChange);
  const deferred = useDeferredValue(useSettled(record, settleMs));
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(() => new Map());
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;
  const readiness = useReadiness(template, deferred, drafts, rules);
  const [view, setView] = useState<string>(() => template.sections[0]?.id ?? READINESS_VIEW);
  const [notice, setNotice] = useState<RemovalNotice | null>(null);

  const sections = useMemo(
    () => template.sections.filter((section) => !section.visibleWhen || isVisible(section, { record: deferred, values: {} })),
    [template, deferred],
  );

  const openRef = useCallback(
    (ref: FieldRef) => {
      setView(template.sections.some((s) => s.id === ref.section) ? ref.section : READINESS_VIEW);
      focusFirst(fallbackDomIds(ref));
    },
    [template],
  );

  const open = useCallback((next: string) => {
    setView(next);
    focusFirst([next === COLLATION_VIEW ? 'h--collation' : next === READINESS_VIEW ? 'h--readiness' : sectionHeadingId(next)]);
  }, []);

  const api = useMemo<GuidedApi>(
    () => ({
      getRecord,
      getDraft: (domId) => draftsRef.current.get(domId),
      setDraft: (domId, draft) =>
        setDrafts((current) => {
          if (!draft && !current.has(domId)) return current;
          const next = new Map(current);
          if (draft) next.set(domId, draft);
          else next.delete(domId);
          return next;
        }),
      announceRemoval: (removal) => {
        setNotice({
          ...removal,
          undo: () => {
            setNotice(null);
            removal.undo();
          },
        });
        focusFirst([UNDO_BUTTON_ID]);
      },
      focusSoon: (...ids: string[]) => focusFirst(ids),
      openRef,
      removalWarnings: (scope, item) => removalWarnings(template, getRecord(), scope, item),
    }),
    [getRecord, openRef, template],
  );

  const addAgency = useCallback(() => {
    const section = template.sections.find((s) => s.id === AGENCIES);
    if (!section) return;
    const id = newId();
    setView(AGENCIES);
    updateSection(AGENCIES, (prev) => withItems(prev, (items) => [...items, { id, values: defaults(section.fields) }]));
    focusFirst(section.fields[0] ? [fieldDomId({ section: AGENCIES, itemId: id }, section.fields[0].id)] : [sectionHeadingId(AGENCIES)]);
  }, [template, updateSection]);

  const step = useCallback(
    (by: number) => {
      const order = [...sections.map((s) => s.id), COLLATION_VIEW, READINESS_VIEW];
      const index = order.indexOf(view);
      const next = order[Math.min(Math.max(index + by, 0), order.length - 1)];
      if (next && next !== view) open(next);
    },
    [sections, view, open],
  );

  useShortcuts((code: ShortcutCode) => {
    if (code === 'ArrowRight') step(1);
    else if (code === 'ArrowLeft') step(-1);
    else if (code === 'KeyA') addAgency();
    else if (code === 'KeyR') open(READINESS_VIEW);
  });

  const needsCollation = view === COLLATION_VIEW || COLLATION_BESIDE.has(view);
  const collations = useStableCollations(needsCollation, deferred);
  // One element per collation object, so an unchanged child's element (and its chart) is reused as is.
  const elements = useRef(new WeakMap<ChildCollation, JSX.Element>());
  const extraFor = useCallback(
    (childId: string) => {
      const collation = collations.find((c) => c.childId === childId);
      if (!collation) return undefined;
      let element = elements.current.get(collation);
      if (!element) {
        element = <CollationView key={childId} collation={collation} headingLevel={4} compact chartWidth={360} />;
        elements.current.set(collation, element);
      }
      return element;
    },
    [collations],
  );

  const blockingBySection = useMemo(() => {
    const counts = new Map<string, number>();
    for (const finding of readiness.findings) {
      if (finding.severity === 'blocking') counts.set(finding.ref.section, (counts.get(finding.ref.section) ?? 0) + 1);
    }
    return counts;
  }, [readiness]);
  const blockingTotal = [...blockingBySection.values()].reduce((a, b) => a + b, 0);

  // The marks list keeps its object until a tick changes it (typing a closed part leaves it
  // alone), so long answers do not re-render on each keystroke.
  const markItems = markItemsIn(record.sections[RESTRICTED_SECTION]);
  const marksApi = useMemo<RestrictedMarksApi>(
    () => ({
      marks: marksIn(markItems),
      setMarked: (mark, on) =>
        updateSection(RESTRICTED_SECTION, (prev) => {
          const values = prev?.kind === 'single' ? prev.values : {};
          const before = markItemsIn(prev);
          const after = withMark(before, mark, on, newId);
          return after === before ? prev : { kind: 'single', values: { ...values, [MARKS_FIELD]: after } };
        }),
    }),
    [markItems, updateSection],
  );

  const section = sections.find((s) => s.id === view);
  return (
    <GuidedContext.Provider value={api}>
      <RestrictedMarksContext.Provider value={marksApi}>
      <div className="g-layout">
        <SectionNav
          sections={sections}
          current={view}
          progress={readiness.progress}
          blockingBySection={blockingBySection}
          blockingTotal={blockingTotal}
          ready={readiness.ready}
          busy={deferred !== record}
          onOpen={open}
        />
        <div className="g-main">
          {section ? (
            <ReadOnlyWhen readOnly={readOnly}>
            <SectionView
              key={section.id}
              section={section}
              value={record.sections[section.id]}
              updateSection={updateSection}
              record={deferred}
              findings={sectionFindings(readiness, section.id)}
              problems={readiness.problems}
              extraFor={COLLATION_BESIDE.has(section.id) ? extraFor : undefined}
            />
            </ReadOnlyWhen>
          ) : view === COLLATION_VIEW ? (
            <CollationPage collations={collations} />
          ) : (
            <ReadinessPanel readiness={readiness} action={readOnly ? undefined : signAction} />
          )}
          {section && <SectionPager sections={sections} current={section.id} onOpen={open} />}
          <RemovalNoticeBar notice={notice} onUndo={() => notice?.undo()} onDismiss={() => setNotice(null)} />
        </div>
      </div>
      </RestrictedMarksContext.Provider>
    </GuidedContext.Provider>
  );
});

/**
 * A signed conference's fields are drawn inside a disabled fieldset, so none can be typed in
 * (the section navigation stays outside it); while editing, nothing wraps them, so the layout
 * is exactly as before.
 */
function ReadOnlyWhen({ readOnly, children }: { readOnly: boolean; children: ReactNode }) {
  return readOnly ? (
    <fieldset className="g-readonly" disabled>
      {children}
    </fieldset>
  ) : (
    <>{children}</>
  );
}

/**
 * The collation for each child, keeping the previous object for a child whose collation has
 * not changed: typing a rationale changes no agency's view, and a new object would redraw
 * every child's table and chart on each keystroke.
 */
function useStableCollations(needed: boolean, record: ConferenceRecord): ChildCollation[] {
  const fresh = useMemo(
    () => (needed ? collate(record).map((collation) => ({ key: JSON.stringify(collation), collation })) : []),
    [needed, record],
  );
  // The last answer is kept in state (React's "information from previous renders" pattern),
  // so an unchanged child's collation keeps its object even when a sibling's changed.
  const [last, setLast] = useState<readonly KeyedCollation[]>([]);
  const merged = useMemo(() => {
    const byChild = new Map(last.map((entry) => [entry.collation.childId, entry]));
    return fresh.map((entry) => {
      const before = byChild.get(entry.collation.childId);
      return before && before.key === entry.key ? before : entry;
    });
  }, [last, fresh]);
  const changed = merged.length !== last.length || merged.some((entry, index) => entry !== last[index]);
  if (changed) setLast(merged);
  return useMemo(() => merged.map((entry) => entry.collation), [merged]);
}

type KeyedCollation = { key: string; collation: ChildCollation };

/** Previous / next at the foot of a section, so the keyboard path through the form is linear. */
function SectionPager({ sections, current, onOpen }: { sections: readonly { id: string; title: string }[]; current: string; onOpen: (id: string) => void }) {
  const index = sections.findIndex((s) => s.id === current);
  const previous = sections[index - 1];
  const next = sections[index + 1];
  return (
    <nav className="g-pager" aria-label="Previous and next section">
      {previous && (
        <button type="button" className="g-button g-button--secondary" onClick={() => onOpen(previous.id)}>
          <span aria-hidden="true">← </span>Previous: {previous.title}
        </button>
      )}
      <button type="button" className="g-button" onClick={() => onOpen(next ? next.id : READINESS_VIEW)}>
        {next ? `Next: ${next.title}` : 'Check readiness to sign'}
        <span aria-hidden="true"> →</span>
      </button>
    </nav>
  );
}
