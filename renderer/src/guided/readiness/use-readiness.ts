import { useMemo } from 'react';
import { childName } from '../../../../domain/record/access';
import type { ConferenceRecord } from '../../../../domain/record/conference';
import type { RuleFinding } from '../../../../domain/rules/finding';
import { assessReadiness, type ReadinessReport, type RuleSet } from '../../../../domain/rules/readiness';
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
 * The domain's readiness (template, decision, voice, timescale and quorum rules) plus one
 * finding per date or time typed in a form that cannot be read, with the parser's precise
 * message (the record keeps the text as typed, which the template also reports as invalid).
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
    const order = new Map(template.sections.map((section, index) => [section.id, index]));
    const titles = new Map(template.sections.map((section) => [section.id, section.title]));
    const draftFindings: RuleFinding[] = [...drafts.values()].map((draft) => ({
      rule: 'form.unreadable-entry',
      severity: 'blocking',
      message: `${[titles.get(draft.ref.section), draft.ref.childId ? childName(record, draft.ref.childId) : '', `“${draft.label}”`]
        .filter(Boolean)
        .join(', ')}: ${draft.message}`,
      ref: draft.ref,
    }));
    // A draft's own message is more precise ("2026 is not a leap year") than the template's
    // "is not a real date" for the same field, so the field is listed once, with the draft's.
    const withoutDrafted = report.findings.filter((f) => !(f.rule === 'template.invalid' && drafts.has(refDomId(f.ref))));
    const findings = [...withoutDrafted, ...draftFindings].sort(
      (a, b) => (order.get(a.ref.section) ?? 99) - (order.get(b.ref.section) ?? 99),
    );
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
