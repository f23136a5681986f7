import { useEffect, useState, type FormEvent } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../../domain/api/contract';
import { errorMessage, type ApiClient } from '../api';
import { ErrorSummary, type ErrorItem } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/TextField';
import { usePageTitle } from '../components/usePageTitle';
import { loadStrengthChecker, MIN_ACCEPTED_SCORE, type Strength, type StrengthChecker } from '../passphrase/strength';

const PASSPHRASE_ID = 'passphrase';
const CONFIRM_ID = 'confirm-passphrase';

function validate(passphrase: string, confirm: string, strength: Strength | null): ErrorItem[] {
  const errors: ErrorItem[] = [];
  if (passphrase === '') errors.push({ fieldId: PASSPHRASE_ID, message: 'Enter a passphrase' });
  else if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    errors.push({ fieldId: PASSPHRASE_ID, message: `Passphrase must be ${MIN_PASSPHRASE_LENGTH} characters or more` });
  else if (strength && strength.score < MIN_ACCEPTED_SCORE)
    errors.push({ fieldId: PASSPHRASE_ID, message: 'Passphrase is too easy to guess: add more unrelated words' });
  if (confirm === '') errors.push({ fieldId: CONFIRM_ID, message: 'Enter the passphrase again to confirm it' });
  else if (passphrase !== '' && confirm !== passphrase) errors.push({ fieldId: CONFIRM_ID, message: 'The passphrases do not match' });
  return errors;
}

function StrengthHint({ strength, length }: { strength: Strength | null; length: number }) {
  // Announced politely and only as the label changes, not on every keystroke.
  return (
    <div className="strength" aria-live="polite" id="passphrase-strength">
      {length > 0 && strength && (
        <>
          <p className={`strength__label strength__label--${strength.score}`}>
            <span className="strength__meter" aria-hidden="true">
              {[0, 1, 2, 3].map((step) => (
                <span key={step} className={step < strength.score ? 'strength__bar strength__bar--on' : 'strength__bar'} />
              ))}
            </span>
            Strength: {strength.label}
          </p>
          {strength.score < 3 && (strength.warning || strength.suggestions.length > 0) && (
            <p className="hint">{[strength.warning, ...strength.suggestions].filter(Boolean).join(' ')}</p>
          )}
        </>
      )}
    </div>
  );
}

export function CreatePassphrase({ client, onCreated }: { client: ApiClient; onCreated: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [show, setShow] = useState(false);
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  const [checker, setChecker] = useState<StrengthChecker | null>(null);
  usePageTitle('Create a passphrase', errors.length > 0);

  useEffect(() => {
    let active = true;
    loadStrengthChecker()
      .then((check) => active && setChecker(() => check))
      .catch(() => undefined); // Without the checker the length rule still applies.
    return () => {
      active = false;
    };
  }, []);

  const strength = checker && passphrase ? checker(passphrase) : null;
  const fieldError = (id: string) => errors.find((error) => error.fieldId === id)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = validate(passphrase, confirm, strength);
    setErrors(found);
    setSubmits((n) => n + 1);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await client['vault.create']({ passphrase });
      onCreated();
    } catch (error) {
      setErrors([{ fieldId: PASSPHRASE_ID, message: errorMessage(error) }]);
      setSubmits((n) => n + 1);
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <ErrorSummary errors={errors} focusKey={submits} />
      <PageHeading>Create a passphrase</PageHeading>
      <p className="body-l">Your passphrase encrypts every conference record this app keeps on this computer.</p>
      <div className="inset">
        <p className="body">
          <strong>It cannot be recovered.</strong> Nobody — not your IT service desk, not the makers of this app — can
          reset it or open the records without it. Keep it somewhere safe, as your organisation advises.
        </p>
      </div>
      <form noValidate onSubmit={submit}>
        <TextField
          id={PASSPHRASE_ID}
          label="Passphrase"
          hint={`At least ${MIN_PASSPHRASE_LENGTH} characters. Four or more unrelated words are easy to remember and hard to guess.`}
          error={fieldError(PASSPHRASE_ID)}
          value={passphrase}
          onChange={setPassphrase}
          type={show ? 'text' : 'password'}
          autoComplete="new-password"
        />
        <StrengthHint strength={strength} length={passphrase.length} />
        <TextField
          id={CONFIRM_ID}
          label="Confirm passphrase"
          error={fieldError(CONFIRM_ID)}
          value={confirm}
          onChange={setConfirm}
          type={show ? 'text' : 'password'}
          autoComplete="new-password"
        />
        <div className="form-group checkbox">
          <input id="show-passphrase" type="checkbox" className="checkbox__input" checked={show} onChange={(e) => setShow(e.target.checked)} />
          <label htmlFor="show-passphrase" className="checkbox__label">
            Show passphrase
          </label>
        </div>
        <button type="submit" className="button" aria-describedby={busy ? 'create-status' : undefined}>
          Create passphrase
        </button>
        <p id="create-status" className="hint" role="status">
          {busy ? 'Setting up encryption. This takes a few seconds…' : ''}
        </p>
      </form>
    </div>
  );
}
