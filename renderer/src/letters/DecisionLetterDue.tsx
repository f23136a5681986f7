import './letters.css';
import { todayInUk } from '../../../domain/alerts/practice-alerts';
import { decisionLetterDue, dueSentence } from '../../../domain/letters/decision-letter-due';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { useSession } from '../session/SessionContext';

/** When the decision letter to the parents is due, beside the export block; a past date is flagged. */
export function DecisionLetterDue({ record, signed }: { record: ConferenceRecord; signed: boolean }) {
  const { settings } = useSession();
  const { text, overdue } = dueSentence(decisionLetterDue(record, todayInUk(), settings.local), { signed });
  return (
    <p className={overdue ? 'body letter-due letter-due--overdue' : 'body letter-due'} id="decision-letter-due">
      {overdue && <strong>Overdue: </strong>}
      {text}
    </p>
  );
}
