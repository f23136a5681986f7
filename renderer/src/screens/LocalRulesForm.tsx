import { useRef, useState, type FormEvent } from 'react';
import type { Settings } from '../../../domain/api/contract';
import type { LocalSettings } from '../../../domain/rules/local-settings';
import { errorMessage } from '../api';
import { Banner } from '../components/Banner';
import { ErrorSummary, type ErrorItem } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { useSession } from '../session/SessionContext';
import { quorumGroupProblems, toQuorumGroups, type QuorumGroupProblem } from '../../../domain/rules/quorum-groups';
import { groupNameId, problemFieldId, QuorumGroupsEditor, type GroupRow } from './QuorumGroupsEditor';

/**
 * The council's own rules: quorum and timescales. They are settings, not constants, because
 * local safeguarding partnerships set them differently; the readiness checks read them from here.
 */

interface NumberRule {
  id: string;
  label: string;
  hint: string;
  min: number;
  max: number;
  get: (local: LocalSettings) => number;
  set: (local: LocalSettings, value: number) => LocalSettings;
}

const QUORUM_NUMBER_ID = 'quorum-min-other';

const NUMBER_RULES: readonly NumberRule[] = [
  {
    id: QUORUM_NUMBER_ID,
    label: 'Agencies other than children’s social care needed for a quorum',
    hint: 'The common rule is 2. Each quorum group (below) counts as one agency.',
    min: 0,
    max: 20,
    get: (l) => l.quorum.minOtherAgencies,
    set: (l, v) => ({ ...l, quorum: { ...l.quorum, minOtherAgencies: v } }),
  },
  {
    id: 'icpc-days',
    label: 'Initial conference within this many working days of the strategy discussion',
    hint: 'Working Together sets 15.',
    min: 1,
    max: 120,
    get: (l) => l.timescales.icpcWorkingDays,
    set: (l, v) => ({ ...l, timescales: { ...l.timescales, icpcWorkingDays: v } }),
  },
  {
    id: 'core-group-days',
    label: 'First core group within this many working days of the initial conference',
    hint: 'Working Together sets 10.',
    min: 1,
    max: 120,
    get: (l) => l.timescales.firstCoreGroupWorkingDays,
    set: (l, v) => ({ ...l, timescales: { ...l.timescales, firstCoreGroupWorkingDays: v } }),
  },
  {
    id: 'first-review-months',
    label: 'First review within this many months of the initial conference',
    hint: 'Working Together sets 3.',
    min: 1,
    max: 24,
    get: (l) => l.timescales.firstReviewMonths,
    set: (l, v) => ({ ...l, timescales: { ...l.timescales, firstReviewMonths: v } }),
  },
  {
    id: 'later-review-months',
    label: 'Later reviews within this many months of the previous review',
    hint: 'Working Together sets 6.',
    min: 1,
    max: 24,
    get: (l) => l.timescales.laterReviewMonths,
    set: (l, v) => ({ ...l, timescales: { ...l.timescales, laterReviewMonths: v } }),
  },
  {
    id: 'transfer-in-days',
    label: 'Transfer-in conference within this many working days of being notified of the transfer',
    hint: 'The common rule is 15.',
    min: 1,
    max: 120,
    get: (l) => l.timescales.transferInWorkingDays,
    set: (l, v) => ({ ...l, timescales: { ...l.timescales, transferInWorkingDays: v } }),
  },
  {
    id: 'pre-birth-weeks',
    label: 'Pre-birth conference by this week of pregnancy',
    hint: 'A common rule is 34. Used unless the target below is counted in months.',
    min: 12,
    max: 40,
    get: (l) => l.preBirth.targetWeeks,
    set: (l, v) => ({ ...l, preBirth: { ...l.preBirth, targetWeeks: v } }),
  },
  {
    id: 'pre-birth-months',
    label: 'Or: pre-birth conference at least this many months before the due date',
    hint: 'Used when the target is counted in months (below). A common rule is 3.',
    min: 1,
    max: 6,
    get: (l) => l.preBirth.targetMonthsBeforeDue,
    set: (l, v) => ({ ...l, preBirth: { ...l.preBirth, targetMonthsBeforeDue: v } }),
  },
  {
    id: 'review-after-birth-days',
    label: 'Review conference within this many working days of the birth',
    hint: 'About 4 weeks: 20 is common.',
    min: 1,
    max: 120,
    get: (l) => l.preBirth.reviewAfterBirthWorkingDays,
    set: (l, v) => ({ ...l, preBirth: { ...l.preBirth, reviewAfterBirthWorkingDays: v } }),
  },
  {
    id: 'practice-alert-response-days',
    label: 'A manager answers a practice alert within this many working days',
    hint: '5 is common. An alert still unanswered after it is shown as overdue.',
    min: 1,
    max: 120,
    get: (l) => l.practiceAlerts.responseWorkingDays,
    set: (l, v) => ({ ...l, practiceAlerts: { ...l.practiceAlerts, responseWorkingDays: v } }),
  },
];

interface FlagRule {
  id: string;
  label: string;
  get: (local: LocalSettings) => boolean;
  set: (local: LocalSettings, value: boolean) => LocalSettings;
}

const FLAG_RULES: readonly FlagRule[] = [
  {
    id: 'pre-birth-months-target',
    label: 'Count the pre-birth target in months before the due date, not weeks of pregnancy',
    get: (l) => l.preBirth.target === 'months-before-due',
    set: (l, v) => ({ ...l, preBirth: { ...l.preBirth, target: v ? 'months-before-due' : 'weeks' } }),
  },
  {
    id: 'quorum-social-care',
    label: 'Children’s social care must attend',
    get: (l) => l.quorum.requireSocialCare,
    set: (l, v) => ({ ...l, quorum: { ...l.quorum, requireSocialCare: v } }),
  },
  {
    id: 'quorum-direct-contact',
    label: 'Those agencies must have direct contact with the child',
    get: (l) => l.quorum.requireDirectContact,
    set: (l, v) => ({ ...l, quorum: { ...l.quorum, requireDirectContact: v } }),
  },
  {
    id: 'quorum-report-only',
    label: 'An agency that sent a report but did not attend counts towards the quorum',
    get: (l) => l.quorum.countReportOnly,
    set: (l, v) => ({ ...l, quorum: { ...l.quorum, countReportOnly: v } }),
  },
];

export function LocalRulesForm({ settings }: { settings: Settings }) {
  const { client, updateSettings } = useSession();
  const [drafts, setDrafts] = useState<Record<string, string>>(() =>
    Object.fromEntries(NUMBER_RULES.map((rule) => [rule.id, String(rule.get(settings.local))])),
  );
  const [flags, setFlags] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(FLAG_RULES.map((rule) => [rule.id, rule.get(settings.local)])),
  );
  const nextGroupKey = useRef(settings.local.quorum.groups.length);
  const [groups, setGroups] = useState<GroupRow[]>(() => settings.local.quorum.groups.map((group, key) => ({ ...group, key })));
  const [groupProblems, setGroupProblems] = useState<QuorumGroupProblem[]>([]);
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [submits, setSubmits] = useState(0);
  const [saved, setSaved] = useState(false);

  function addGroup() {
    const index = groups.length;
    setGroups([...groups, { key: nextGroupKey.current++, name: '', agencies: [] }]);
    // Focus follows the new group so keyboard users can name it straight away.
    requestAnimationFrame(() => document.getElementById(groupNameId(index))?.focus());
  }

  function removeGroup(index: number) {
    setGroups(groups.filter((_, i) => i !== index));
    setGroupProblems([]);
    requestAnimationFrame(() => document.getElementById(groupNameId(Math.max(0, index - 1)))?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const problems: ErrorItem[] = [];
    let local = settings.local;
    for (const rule of NUMBER_RULES) {
      const text = (drafts[rule.id] ?? '').trim();
      const value = Number(text);
      if (!/^\d+$/.test(text) || value < rule.min || value > rule.max) {
        problems.push({ fieldId: rule.id, message: `${rule.label}: enter a whole number from ${rule.min} to ${rule.max}` });
      } else {
        local = rule.set(local, value);
      }
    }
    for (const rule of FLAG_RULES) local = rule.set(local, flags[rule.id] ?? rule.get(local));
    const groupsFound = quorumGroupProblems(groups);
    setGroupProblems(groupsFound);
    problems.push(...groupsFound.map((problem) => ({ fieldId: problemFieldId(problem), message: problem.message })));
    if (groupsFound.length === 0) local = { ...local, quorum: { ...local.quorum, groups: toQuorumGroups(groups) } };
    if (problems.length > 0) {
      setErrors(problems);
      setSubmits((n) => n + 1);
      return;
    }
    try {
      updateSettings(await client['settings.update']({ local }));
      setErrors([]);
      setSaved(true);
    } catch (error) {
      setErrors([{ fieldId: NUMBER_RULES[0]!.id, message: `The local rules were not saved. ${errorMessage(error)}` }]);
      setSubmits((n) => n + 1);
    }
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="local-rules-heading">
      <ErrorSummary errors={errors} focusKey={submits} />
      {saved && (
        <Banner title="Local rules saved" tone="success">
          <p className="body">Every conference’s readiness checks now use these rules.</p>
        </Banner>
      )}
      <h2 className="heading-m" id="local-rules-heading">
        Local rules
      </h2>
      <p className="body">Your local safeguarding partnership’s quorum and timescales. The readiness checks use them.</p>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">Quorum</legend>
        {FLAG_RULES.map((rule) => (
          <div className="checkbox form-group" key={rule.id}>
            <input
              id={rule.id}
              type="checkbox"
              className="checkbox__input"
              checked={flags[rule.id] ?? false}
              onChange={(e) => setFlags((all) => ({ ...all, [rule.id]: e.target.checked }))}
            />
            <label htmlFor={rule.id} className="checkbox__label">
              {rule.label}
            </label>
          </div>
        ))}
      </fieldset>
      {NUMBER_RULES.map((rule) => (
        <div key={rule.id}>
          <TextField
            id={rule.id}
            label={rule.label}
            hint={rule.hint}
            error={errors.find((e) => e.fieldId === rule.id)?.message}
            value={drafts[rule.id] ?? ''}
            onChange={(value) => setDrafts((all) => ({ ...all, [rule.id]: value }))}
            width="short"
            inputMode="numeric"
          />
          {/* The groups sit under the number they change: "plus N other agencies or groups". */}
          {rule.id === QUORUM_NUMBER_ID && (
            <QuorumGroupsEditor
              groups={groups}
              problems={groupProblems}
              onChange={(index, group) => setGroups(groups.map((row, i) => (i === index ? group : row)))}
              onAdd={addGroup}
              onRemove={removeGroup}
            />
          )}
        </div>
      ))}
      <button type="submit" className="button">
        Save local rules
      </button>
    </form>
  );
}
