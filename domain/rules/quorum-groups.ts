import { AGENCY_KINDS, agencyKindLabel } from '../agencies/agency-kinds';
import type { QuorumGroup } from './local-settings';
import { SOCIAL_CARE } from './quorum';

/**
 * Quorum groups as the Settings editor offers them, and what is wrong with a group as typed.
 *
 * Children's social care is never grouped (the quorum asks for it by itself), and an "other"
 * agency is counted by its own free name, so neither can be ticked into a group: a group
 * holding them would silently change nothing or change the wrong thing.
 */
export const GROUPABLE_AGENCY_KINDS = AGENCY_KINDS.filter((kind) => kind.value !== SOCIAL_CARE && kind.value !== 'other');

/** What the editor holds for one group before it is saved: the name may still be blank. */
export interface QuorumGroupDraft {
  name: string;
  agencies: readonly string[];
}

export interface QuorumGroupProblem {
  /** The group's position in the list, from 0. */
  index: number;
  /** Which answer to go to: the group's name, or its list of agencies (at `agency`, when one is named). */
  field: 'name' | 'agencies';
  agency?: string;
  message: string;
}

function groupTitle(draft: QuorumGroupDraft, index: number): string {
  const name = draft.name.trim();
  return name ? `Quorum group “${name}”` : `Quorum group ${index + 1}`;
}

/** Every problem with the groups, in the order a chair reads the page; empty when they can be saved. */
export function quorumGroupProblems(drafts: readonly QuorumGroupDraft[]): QuorumGroupProblem[] {
  const problems: QuorumGroupProblem[] = [];
  const seenNames = new Map<string, number>();
  const owner = new Map<string, number>();
  drafts.forEach((draft, index) => {
    const name = draft.name.trim();
    if (name === '') problems.push({ index, field: 'name', message: `Give quorum group ${index + 1} a name, such as “health”` });
    else if (name.length > 100) problems.push({ index, field: 'name', message: `The name of quorum group ${index + 1} must be 100 characters or fewer` });
    else if (seenNames.has(name.toLowerCase())) {
      problems.push({ index, field: 'name', message: `Quorum group ${index + 1} has the same name as quorum group ${seenNames.get(name.toLowerCase())! + 1}: give each group its own name` });
    } else seenNames.set(name.toLowerCase(), index);

    if (draft.agencies.length === 0) {
      problems.push({ index, field: 'agencies', message: `${groupTitle(draft, index)} names no agency: tick the agencies that count as one, or remove the group` });
    }
    for (const agency of draft.agencies) {
      const first = owner.get(agency);
      if (first === undefined) owner.set(agency, index);
      else {
        problems.push({
          index,
          field: 'agencies',
          agency,
          message: `${agencyKindLabel(agency) || agency} is ticked in ${groupTitle(drafts[first]!, first)} and in ${groupTitle(draft, index)}: an agency counts towards one group only`,
        });
      }
    }
  });
  return problems;
}

/** The groups as stored, in the template's order of agencies; call only when there are no problems. */
export function toQuorumGroups(drafts: readonly QuorumGroupDraft[]): QuorumGroup[] {
  return drafts.map((draft) => ({
    name: draft.name.trim(),
    agencies: GROUPABLE_AGENCY_KINDS.map((kind) => kind.value as string).filter((value) => draft.agencies.includes(value)),
  }));
}
