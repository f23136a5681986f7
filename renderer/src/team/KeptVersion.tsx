import { useEffect, useState } from 'react';
import type { OperationOutput } from '../../../domain/api/contract';
import type { ConferenceRecord, SectionValue } from '../../../domain/record/conference';
import type { FieldDef } from '../../../domain/template/types';
import { templateForRecord } from '../../../templates/conference-templates';
import { errorMessage } from '../api';
import { useSession } from '../session/SessionContext';
import './team-connection.css';

type Kept = OperationOutput<'team.keptChanges'>['kept'];

interface Line {
  key: string;
  label: string;
  text: string;
}

function labelOf(fields: readonly FieldDef[], id: string): string {
  for (const field of fields) {
    if (field.id === id) return field.label;
    const inner = field.fields ? labelOf(field.fields, id) : '';
    if (inner) return inner;
  }
  return id;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('; ');
  if (value && typeof value === 'object' && 'values' in value) return linesOfValues((value as { values: Record<string, unknown> }).values, []).map((l) => l.text).join('; ');
  return '';
}

function linesOfValues(values: Record<string, unknown>, fields: readonly FieldDef[], prefix = ''): Line[] {
  return Object.entries(values)
    .map(([id, value]) => ({ key: `${prefix}${id}`, label: labelOf(fields, id), text: textOf(value) }))
    .filter((line) => line.text !== '');
}

/** What the chair typed in one section, as label and text, the fields that differ from the version shown. */
function linesOf(section: SectionValue, current: SectionValue | undefined, fields: readonly FieldDef[]): Line[] {
  if (section.kind === 'single') {
    const shown = current?.kind === 'single' ? current.values : {};
    const changed = Object.fromEntries(Object.entries(section.values).filter(([id, value]) => JSON.stringify(value) !== JSON.stringify(shown[id])));
    return linesOfValues(changed, fields);
  }
  if (section.kind === 'perChild') return Object.entries(section.perChild).flatMap(([child, values]) => linesOfValues(values, fields, `${child}:`));
  return section.items.flatMap((item) => linesOfValues(item.values, fields, `${item.id}:`));
}

/**
 * The chair's own version, kept on this computer because someone else changed the conference
 * before it could be sent (offline-store.ts). Shown beside theirs (the editor below), never
 * dropped unless the chair says so: put it back on top (a new save, so both stay in the history)
 * or let it go.
 */
export function KeptVersion({ id, record, onResolved }: { id: string; record: ConferenceRecord; onResolved: () => void }) {
  const { client } = useSession();
  const [kept, setKept] = useState<Kept>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let active = true;
    client['team.keptChanges']({ id })
      .then((answer) => active && setKept(answer.kept))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [client, id, record.revision]);

  if (kept.length === 0) return null;
  const template = templateForRecord(record);
  const sections = Object.assign({}, ...kept.map((k) => k.sections)) as Record<string, SectionValue>;

  const resolve = async (action: 'send' | 'discard') => {
    setBusy(true);
    setMessage(null);
    try {
      await client['team.resolveKept']({ id, action });
      setKept([]);
      onResolved();
    } catch (error) {
      setMessage(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="team-kept" aria-labelledby="team-kept-title">
      <h2 className="heading-s" id="team-kept-title">
        Your version, kept on this computer
      </h2>
      <p className="body">
        You typed this while the team server could not be reached. Before it could be sent, someone else changed this conference: their version is the one
        below. Nothing has been lost.
      </p>
      {Object.entries(sections).map(([sectionId, value]) => {
        const def = template.sections.find((s) => s.id === sectionId);
        const lines = linesOf(value, record.sections[sectionId], def?.fields ?? []);
        return (
          <div key={sectionId}>
            <h3 className="heading-s">{def?.title ?? sectionId}</h3>
            {lines.length === 0 ? (
              <p className="body">The same as the version below.</p>
            ) : (
              <dl className="team-kept__list">
                {lines.map((line) => (
                  <div key={line.key}>
                    <dt>{line.label}</dt>
                    <dd>{line.text}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
        );
      })}
      {message && (
        <p className="body error-text" role="alert">
          {message}
        </p>
      )}
      {confirmDiscard ? (
        <div className="button-group">
          <p className="body">Let your kept version go? It cannot be brought back.</p>
          <button type="button" className="button button--warning" disabled={busy} onClick={() => void resolve('discard')}>
            Yes, let my version go
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirmDiscard(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="button-group">
          <button type="button" className="button" disabled={busy} onClick={() => void resolve('send')}>
            Put my version on top of theirs
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirmDiscard(true)}>
            Let my version go
          </button>
        </div>
      )}
    </section>
  );
}
