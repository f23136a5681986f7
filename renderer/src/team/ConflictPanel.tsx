import { useMemo } from 'react';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { templateForRecord } from '../../../templates/conference-templates';
import { formatTimeOfDay } from '../format/dates';
import { answerLines, differingAnswers } from './conflict-lines';
import type { SaveConflict } from './useSaveConflict';
import './team.css';

/**
 * lease9: both versions of each conflicting section, side by side: this person's (unsaved, still
 * in the form) and the one saved by someone else. Only the answers that differ are listed.
 */
export function ConflictPanel({ conflict, record, onKeepMine, onUseSaved }: { conflict: SaveConflict; record: ConferenceRecord; onKeepMine: () => void; onUseSaved: () => void }) {
  const template = useMemo(() => templateForRecord(record), [record]);
  const sections = template.sections
    .filter((section) => section.id in conflict.mine)
    .map((section) => ({
      section,
      rows: differingAnswers(answerLines(section, conflict.mine[section.id], record), answerLines(section, conflict.theirs.sections[section.id], conflict.theirs)),
    }))
    .filter((entry) => entry.rows.length > 0);
  return (
    <section className="save-conflict" aria-labelledby="save-conflict-title" role="region">
      <h2 className="heading-m" id="save-conflict-title">
        Someone else saved this conference at {formatTimeOfDay(conflict.theirs.updatedAt)}: your changes are not saved yet
      </h2>
      <p className="body">
        Nothing you typed has been lost: it is still in the form. Here are both versions of what differs. Keep yours (it replaces theirs in these sections only), or use the saved
        version (yours is dropped).
      </p>
      {conflict.problem && (
        <p className="body error-text" role="alert">
          {conflict.problem}
        </p>
      )}
      {sections.map(({ section, rows }) => (
        <table key={section.id} className="table save-conflict__table">
          <caption className="heading-s">{section.title}</caption>
          <thead>
            <tr>
              <th scope="col">Answer</th>
              <th scope="col">Your version (not saved)</th>
              <th scope="col">Saved version</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td dir="auto">{row.mine}</td>
                <td dir="auto">{row.theirs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <div className="button-group">
        <button type="button" className="button" onClick={onKeepMine}>
          Keep my version
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={onUseSaved}>
          Use the saved version
        </button>
      </div>
    </section>
  );
}
