import { useMemo } from 'react';
import type { ConferenceRecord } from '../../../../domain/record/conference';
import type { RuleFinding } from '../../../../domain/rules/finding';
import { assessReadiness, type ReadinessReport, type RuleSet } from '../../../../domain/rules/readiness';
import { withUnreadableEntries } from '../../../../domain/rules/unreadable-entry';
import type { ConferenceTemplate } from '../../../../domain/template/types';
import type { Draft } from '../context';
import { useLocalSettings } from '../local-settings';
import { refDomId } from '../scope';
import { useStable } from '../use-stable';

export interface GuidedReadiness extends ReadinessReport {
  bySection: ReadonlyMap<string, readonly RuleFinding[]>;
  /** Messages about a stored value (not a missing one), shown beside the field itself. */
  problems: ReadonlyMap<string, string>;
}

const NONE: readonly RuleFinding[] = [];

/**
 * The domain's readiness (template, decision, voice, timescale and quorum rules) plus the
 * domain's finding for each date or time typed in a form that cannot be read (the record keeps
 * the text as typed, which the template also reports as invalid).
 */
export function useReadiness(
  template: ConferenceTemplate,
  record: ConferenceRecord,
  drafts: ReadonlyMap<string, Draft>,
  rules: readonly RuleSet[] | undefined,
): GuidedReadiness {
  // Without rule sets from the caller, the domain's defaults (timescales and quorum as most councils set them).
  const settings = useLocalSettings();
  const report = useMemo(() => assessReadiness(template, record, rules, settings), [template, record, rules, settings]);
  const assessed = useMemo(() => {
    // The domain words the unreadable-entry findings and drops the template's vaguer one for
    // the same field; the renderer only keys its drafts by element id.
    const findings = withUnreadableEntries(template, record, report.findings, [...drafts.values()]);
    const bySection = new Map<string, RuleFinding[]>();
    const problems = new Map<string, string>();
    for (const finding of findings) {
      const list = bySection.get(finding.ref.section) ?? [];
      list.push(finding);
      bySection.set(finding.ref.section, list);
      if (finding.rule === 'template.invalid') problems.set(refDomId(finding.ref), finding.message);
    }
    return { ...report, ready: !findings.some((f) => f.severity === 'blocking'), findings, bySection, problems };
  }, [report, drafts, template, record]);
  // Every field receives the problems map's entry for itself; an unchanged map keeps them from re-rendering.
  const problems = useStable<ReadonlyMap<string, string>>(assessed.problems, sameProblems);
  return useMemo(() => ({ ...assessed, problems }), [assessed, problems]);
}

function sameProblems(previous: ReadonlyMap<string, string>, next: ReadonlyMap<string, string>): boolean {
  return previous.size === next.size && [...next].every(([id, message]) => previous.get(id) === message);
}

export function sectionFindings(readiness: GuidedReadiness, sectionId: string): readonly RuleFinding[] {
  return readiness.bySection.get(sectionId) ?? NONE;
}
