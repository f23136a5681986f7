import './letters.css';
import { useId, useRef, useState } from 'react';
import { childLetters } from '../../../domain/letters/child-letters';
import { EXPORT_FORMATS, type ExportFormat } from '../../../domain/signoff/file-name';
import { errorMessage } from '../api';
import { useSession } from '../session/SessionContext';
import { download } from '../components/files';
import { exportChoices, FORMAT_LABELS, plannedFiles, progressSentence, type ExportChoice, type PlannedFile } from './export-plan';

type Phase =
  | { kind: 'choosing' }
  | { kind: 'loading' }
  | { kind: 'exporting'; current: number; total: number }
  | { kind: 'done'; saved: string[]; failed: string[]; folder: string | null; cancelled: boolean };

/**
 * One dialog for every export: tick the documents (each child's letter among them) and the
 * formats, then export them all, with progress read out as it goes. In the desktop app main
 * shows a folder dialog and writes the files itself; in the browser each file downloads.
 * A native modal <dialog>: focus moves into it, Escape closes it, the page behind is inert,
 * and focus goes back to the button that opened it.
 */
export function ExportDialog({ id, signed }: { id: string; signed: boolean }) {
  const { client } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  const titleId = useId();
  const [choices, setChoices] = useState<ExportChoice[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [formats, setFormats] = useState<Set<ExportFormat>>(new Set(EXPORT_FORMATS));
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });
  const [problem, setProblem] = useState<string | null>(null);

  async function open() {
    setProblem(null);
    setPhase({ kind: 'loading' });
    dialog.current?.showModal();
    try {
      // Read again: the letters offered are those saved now, not when the page opened.
      const { conference } = await client['conferences.get']({ id });
      const offered = exportChoices(childLetters(conference));
      setChoices(offered);
      setChosen(new Set(offered.map((c) => c.key)));
      setPhase({ kind: 'choosing' });
    } catch (error) {
      setProblem(`The documents could not be listed. ${errorMessage(error)}`);
      setPhase({ kind: 'choosing' });
    }
  }

  function close() {
    cancelled.current = true;
    dialog.current?.close();
  }

  async function exportAll(files: PlannedFile[]) {
    setProblem(null);
    cancelled.current = false;
    let folder: string | null = null;
    let toFolder = false;
    try {
      const where = await client['exports.chooseFolder']({});
      if (where.available && !where.chosen) return; // the chair closed the folder dialog: nothing to do
      toFolder = where.available;
      folder = where.folderName;
    } catch (error) {
      setProblem(`No folder was chosen. ${errorMessage(error)}`);
      return;
    }
    const saved: string[] = [];
    const failed: string[] = [];
    for (const [index, file] of files.entries()) {
      if (cancelled.current) break;
      setPhase({ kind: 'exporting', current: index + 1, total: files.length });
      try {
        const { output, format } = file;
        if (toFolder) {
          const result = await client['exports.saveToFolder'](
            output.kind === 'document' ? { id, document: output.document, format } : { id, document: 'child-letter', childId: output.childId, format },
          );
          saved.push(result.savedAs);
        } else {
          const result =
            output.kind === 'document'
              ? await client['conferences.export']({ id, document: output.document, format })
              : await client['conferences.exportChildLetter']({ id, childId: output.childId, format });
          download(result.fileName, result.mimeType, result.base64);
          saved.push(result.fileName);
        }
      } catch (error) {
        failed.push(`${file.label}: ${errorMessage(error)}`);
      }
    }
    setPhase({ kind: 'done', saved, failed, folder, cancelled: cancelled.current });
  }

  const files = plannedFiles(choices, chosen, EXPORT_FORMATS.filter((f) => formats.has(f)));
  const busy = phase.kind === 'exporting' || phase.kind === 'loading';
  const toggle = <T,>(set: Set<T>, value: T, on: boolean): Set<T> => {
    const next = new Set(set);
    if (on) next.add(value);
    else next.delete(value);
    return next;
  };

  return (
    <>
      <button ref={opener} type="button" className="button" onClick={() => void open()}>
        Export documents…
      </button>
      <dialog
        ref={dialog}
        className="export-dialog"
        aria-labelledby={titleId}
        onClose={() => {
          cancelled.current = true;
          setPhase({ kind: 'choosing' });
          opener.current?.focus();
        }}
      >
        <h2 className="heading-m" id={titleId}>
          Export documents
        </h2>
        <p className="body">
          {signed
            ? 'Each file carries the latest signed version, its verification code on every page, and every addendum.'
            : 'Not signed yet: every file is a draft, marked DRAFT on every page and in its name.'}
        </p>
        {problem && (
          <p className="body error-text" role="alert">
            {problem}
          </p>
        )}
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            if (files.length > 0 && !busy) void exportAll(files);
          }}
        >
          <fieldset disabled={busy}>
            <legend>Documents</legend>
            {choices.map((choice) => (
              <div className="checkbox" key={choice.key}>
                <input
                  id={`export-${choice.key}`}
                  className="checkbox__input"
                  type="checkbox"
                  checked={chosen.has(choice.key)}
                  onChange={(event) => setChosen(toggle(chosen, choice.key, event.target.checked))}
                />
                <label className="checkbox__label" htmlFor={`export-${choice.key}`}>
                  {choice.label}
                </label>
              </div>
            ))}
            {phase.kind !== 'loading' && !choices.some((c) => c.output.kind === 'child-letter') && (
              <p className="hint">No letters to children yet: write them in “The voice of the child” (children aged 5 and over).</p>
            )}
          </fieldset>
          <fieldset disabled={busy}>
            <legend>Formats</legend>
            {EXPORT_FORMATS.map((format) => (
              <div className="checkbox" key={format}>
                <input
                  id={`export-format-${format}`}
                  className="checkbox__input"
                  type="checkbox"
                  checked={formats.has(format)}
                  onChange={(event) => setFormats(toggle(formats, format, event.target.checked))}
                />
                <label className="checkbox__label" htmlFor={`export-format-${format}`}>
                  {FORMAT_LABELS[format]}
                </label>
              </div>
            ))}
          </fieldset>
          <div role="status" aria-live="polite">
            {phase.kind === 'loading' && <p className="body">Finding the documents…</p>}
            {phase.kind === 'exporting' && (
              <>
                <p className="body">{progressSentence(phase.current, phase.total)}</p>
                <progress className="export-dialog__progress" max={phase.total} value={phase.current - 1} aria-label="Export progress" />
              </>
            )}
            {phase.kind === 'done' && <DoneMessage phase={phase} />}
          </div>
          <div className="export-dialog__actions">
            <button type="submit" className="button" disabled={busy || files.length === 0}>
              {files.length === 0 ? 'Choose a document and a format' : `Export ${files.length} ${files.length === 1 ? 'file' : 'files'}`}
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              {phase.kind === 'exporting' ? 'Stop' : 'Close'}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

function DoneMessage({ phase }: { phase: Extract<Phase, { kind: 'done' }> }) {
  const where = phase.folder ? ` to the folder “${phase.folder}”` : '';
  return (
    <>
      <p className="body">
        {phase.saved.length} {phase.saved.length === 1 ? 'file' : 'files'} exported{where}
        {phase.cancelled ? ' before you stopped.' : '.'}
        {phase.failed.length > 0 && ` ${phase.failed.length} could not be exported.`}
      </p>
      {phase.saved.length > 0 && (
        <ul className="export-dialog__files">
          {phase.saved.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
      {phase.failed.length > 0 && (
        <ul className="export-dialog__files error-text">
          {phase.failed.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}
