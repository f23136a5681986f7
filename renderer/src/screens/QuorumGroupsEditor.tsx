import { GROUPABLE_AGENCY_KINDS, type QuorumGroupDraft, type QuorumGroupProblem } from '../../../domain/rules/quorum-groups';

/**
 * The council's quorum groups: agencies that count as one towards the quorum, as local
 * procedures write it ("all health services count as one agency"). Each group is a fieldset
 * with its name and a list of tick boxes, so it is all reachable with Tab and Space; problems
 * are shown beside the group and listed, linked, in the form's error summary.
 */

export interface GroupRow extends QuorumGroupDraft {
  /** A stable React key: groups can be removed from the middle. */
  key: number;
}

export const groupNameId = (index: number) => `quorum-group-${index + 1}-name`;
export const groupAgencyId = (index: number, agency: string) => `quorum-group-${index + 1}-${agency}`;

/** Where a problem's link in the error summary goes: the name, the agency named, or the group's first tick box. */
export function problemFieldId(problem: QuorumGroupProblem): string {
  if (problem.field === 'name') return groupNameId(problem.index);
  return groupAgencyId(problem.index, problem.agency ?? GROUPABLE_AGENCY_KINDS[0]?.value ?? '');
}

export function QuorumGroupsEditor({
  groups,
  problems,
  onChange,
  onAdd,
  onRemove,
}: {
  groups: readonly GroupRow[];
  problems: readonly QuorumGroupProblem[];
  onChange: (index: number, group: GroupRow) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}) {
  return (
    <fieldset className="fieldset" aria-describedby="quorum-groups-hint">
      <legend className="fieldset__legend fieldset__legend--m">Quorum groups</legend>
      <p className="hint" id="quorum-groups-hint">
        Agencies in one group count once towards the quorum: for example, a group “health” with health visiting, school nursing, the GP and
        midwifery makes the rule “children’s social care plus two other agencies” read “plus two other groups or agencies”. Children’s social care
        and agencies entered as “Other agency” are counted on their own.
      </p>
      {groups.length === 0 && <p className="body">No quorum groups: every agency counts on its own.</p>}
      {groups.map((group, index) => {
        const nameProblem = problems.find((p) => p.index === index && p.field === 'name');
        const agencyProblems = problems.filter((p) => p.index === index && p.field === 'agencies');
        const listId = `quorum-group-${index + 1}-agencies`;
        return (
          <fieldset className="fieldset quorum-group" key={group.key}>
            <legend className="fieldset__legend fieldset__legend--m">
              Quorum group {index + 1}
              {group.name.trim() ? `: ${group.name.trim()}` : ''}
            </legend>
            <div className={`form-group${nameProblem ? ' form-group--error' : ''}`}>
              <label className="label" htmlFor={groupNameId(index)}>
                Name of quorum group {index + 1}
              </label>
              <p className="hint" id={`${groupNameId(index)}-hint`}>
                How the quorum sentence names it, for example “health”.
              </p>
              {nameProblem && (
                <p className="error-message" id={`${groupNameId(index)}-error`}>
                  <span className="visually-hidden">Error: </span>
                  {nameProblem.message}
                </p>
              )}
              <input
                id={groupNameId(index)}
                className={`input input--medium${nameProblem ? ' input--error' : ''}`}
                value={group.name}
                dir="auto"
                spellCheck={false}
                autoComplete="off"
                aria-describedby={`${groupNameId(index)}-hint${nameProblem ? ` ${groupNameId(index)}-error` : ''}`}
                aria-invalid={nameProblem ? true : undefined}
                onChange={(event) => onChange(index, { ...group, name: event.target.value })}
              />
            </div>
            <fieldset
              className={`fieldset${agencyProblems.length > 0 ? ' form-group--error' : ''}`}
              aria-describedby={agencyProblems.length > 0 ? `${listId}-error` : undefined}
            >
              <legend className="label">Agencies that count as one in quorum group {index + 1}</legend>
              {agencyProblems.length > 0 && (
                <div id={`${listId}-error`}>
                  {agencyProblems.map((problem) => (
                    <p className="error-message" key={problem.message}>
                      <span className="visually-hidden">Error: </span>
                      {problem.message}
                    </p>
                  ))}
                </div>
              )}
              <div className="quorum-group__agencies">
                {GROUPABLE_AGENCY_KINDS.map((kind) => (
                  <div className="checkbox" key={kind.value}>
                    <input
                      id={groupAgencyId(index, kind.value)}
                      type="checkbox"
                      className="checkbox__input"
                      checked={group.agencies.includes(kind.value)}
                      onChange={(event) =>
                        onChange(index, {
                          ...group,
                          agencies: event.target.checked ? [...group.agencies, kind.value] : group.agencies.filter((a) => a !== kind.value),
                        })
                      }
                    />
                    <label htmlFor={groupAgencyId(index, kind.value)} className="checkbox__label">
                      {kind.label}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <button type="button" className="button button--secondary button--small" onClick={() => onRemove(index)}>
              Remove quorum group {index + 1}
              {group.name.trim() ? <span className="visually-hidden">{`: ${group.name.trim()}`}</span> : null}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button button--secondary" onClick={onAdd}>
        Add a quorum group
      </button>
    </fieldset>
  );
}
