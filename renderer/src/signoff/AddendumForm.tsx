import { useState, type FormEvent } from 'react';
import type { SignedVersionView } from '../../../domain/signoff/schemas';
import { errorMessage } from '../api';
import { ErrorSummary, type ErrorItem } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { useSession } from '../session/SessionContext';
import { signedSentence } from './format';

const REASON_ID = 'addendum-reason';
const TEXT_ID = 'addendum-text';

/** A correction to signed minutes: why, and what, signed by the chair as the next version. */
export function AddendumForm({ id, onAdded }: { id: string; onAdded: (version: SignedVersionView) => void }) {
  const { client } = useSession();
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [submits, setSubmits] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const found: ErrorItem[] = [];
    if (reason.trim() === '') found.push({ fieldId: REASON_ID, message: 'Enter why the minutes need correcting' });
    if (text.trim() === '') found.push({ fieldId: TEXT_ID, message: 'Enter the correction' });
    if (found.length > 0) {
      setErrors(found);
      setSubmits((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      const { signed } = await client['conferences.addendum']({ id, reason: reason.trim(), text: text.trim() });
      setErrors([]);
      setReason('');
      setText('');
      setDone(signedSentence(signed));
      onAdded(signed);
    } catch (error) {
      // The text stays in the form: nothing typed is lost.
      setErrors([{ fieldId: TEXT_ID, message: `The addendum was not added. ${errorMessage(error)}` }]);
      setSubmits((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="signoff-block" aria-labelledby="addendum-title">
      <h2 className="heading-m" id="addendum-title">
        Add an addendum
      </h2>
      <p className="body">For a correction after signing. It is signed by you as the next version and printed in every document exported from now on.</p>
      <ErrorSummary errors={errors} focusKey={submits} />
      {done && (
        <p className="body" role="status">
          Addendum added. {done}
        </p>
      )}
      <form noValidate onSubmit={submit}>
        <TextField id={REASON_ID} label="Why the minutes need correcting" error={errors.find((e) => e.fieldId === REASON_ID)?.message} value={reason} onChange={setReason} spellCheck />
        <TextField id={TEXT_ID} label="The correction" multiline error={errors.find((e) => e.fieldId === TEXT_ID)?.message} value={text} onChange={setText} spellCheck />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Signing the addendum…' : 'Sign and add the addendum'}
        </button>
      </form>
    </section>
  );
}
