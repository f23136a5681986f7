import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ConferenceRecord, SectionValue } from '../../../domain/record/conference';
import type { ConferenceTemplate } from '../../../domain/template/types';
import { missingDefaults } from '../../../domain/template/defaults';
import type { Updater } from './values';

export interface WorkingRecord {
  record: ConferenceRecord;
  getRecord: () => ConferenceRecord;
  updateSection: (sectionId: string, updater: Updater<SectionValue | undefined>) => void;
}

/**
 * The record being minuted, held here rather than by the page so typing only re-renders the
 * path to the field. Each update computes the new section from the latest copy (a ref, not
 * a closure over a render), hands exactly that section to autosave, and then renders.
 */
export function useWorkingRecord(
  template: ConferenceTemplate,
  initial: ConferenceRecord,
  onSectionChange: (sectionId: string, value: SectionValue) => void,
): WorkingRecord {
  // A record that has never held a defaulted field (a new one) starts with the template's default.
  const [seeded] = useState(() => missingDefaults(template, initial));
  const [record, setRecord] = useState(() => ({ ...initial, sections: { ...initial.sections, ...seeded } }));
  const latest = useRef(record);
  const notify = useRef(onSectionChange);
  // Kept current after each render (not during it) for the stable updateSection to call.
  useLayoutEffect(() => {
    notify.current = onSectionChange;
  }, [onSectionChange]);

  useEffect(() => {
    for (const [sectionId, value] of Object.entries(seeded)) notify.current(sectionId, value);
  }, [seeded]);

  const updateSection = useCallback((sectionId: string, updater: Updater<SectionValue | undefined>) => {
    const previous = latest.current;
    const section = updater(previous.sections[sectionId]);
    if (section === previous.sections[sectionId] || section === undefined) return;
    const next = { ...previous, sections: { ...previous.sections, [sectionId]: section } };
    latest.current = next;
    setRecord(next);
    notify.current(sectionId, section);
  }, []);

  const getRecord = useCallback(() => latest.current, []);
  return { record, getRecord, updateSection };
}
