import { useEffect, useState, type FormEvent } from 'react';
import type { StoreProblem } from '../../../domain/api/contract';
import { errorCode, errorMessage, type ApiClient } from '../api';
import { Banner } from '../components/Banner';
import { ErrorSummary, type ErrorItem } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/TextField';
import { usePageTitle } from '../components/usePageTitle';

const PASSPHRASE_ID = 'passphrase';
export const WRONG_PASSPHRASE_MESSAGE = 'That passphrase is not right. Nothing has been changed — try again.';

export interface UnlockProps {
  client: ApiClient;
  notice: string | null;
  onUnlocked: (problems: readonly StoreProblem[]) => Promise<void>;
}

export function Unlock({ client, notice, onUnlocked }: UnlockProps) {
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [submits, setSubmits] = useState(0);
  const [busy, setBusy] = useState(false);
  // Only `npm run demo` reports a demo (and its fixed, fictional passphrase); a chair's store never does.
  const [demo, setDemo] = useState<{ passphrase: string } | null>(null);
  usePageTitle('Unlock', errors.length > 0);

  useEffect(() => {
    let live = true;
    client['vault.status']({}).then(
      (status) => live && setDemo(status.demo ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  function fail(message: string) {
    setErrors([{ fieldId: PASSPHRASE_ID, message }]);
    setSubmits((n) => n + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (passphrase === '') return fail('Enter your passphrase');
    setBusy(true);
    try {
      const result = await client['vault.unlock']({ passphrase });
      setPassphrase('');
      await onUnlocked(result.problems);
    } catch (error) {
      setBusy(false);
      setPassphrase('');
      fail(errorCode(error) === 'WRONG_PASSPHRASE' ? WRONG_PASSPHRASE_MESSAGE : errorMessage(error));
    }
  }

  return (
    <div className="narrow">
      <ErrorSummary errors={errors} focusKey={submits} />
      {notice && errors.length === 0 && (
        <Banner title="Locked">
          <p className="body">{notice}</p>
        </Banner>
      )}
      {demo && (
        <Banner title="This is the demo">
          <p className="body">
            It holds three fictional conferences in a throwaway store that is deleted when you stop the app. The
            demo passphrase is <strong className="demo-passphrase">{demo.passphrase}</strong>
          </p>
        </Banner>
      )}
      <PageHeading>Unlock your records</PageHeading>
      <p className="body">Enter the passphrase you chose when you set up this app on this computer.</p>
      <form noValidate onSubmit={submit}>
        <TextField
          id={PASSPHRASE_ID}
          label="Passphrase"
          error={errors[0]?.message}
          value={passphrase}
          onChange={setPassphrase}
          type="password"
          autoComplete="current-password"
          width="medium"
        />
        <button type="submit" className="button">
          Unlock
        </button>
        <p className="hint" role="status">
          {busy ? 'Unlocking…' : ''}
        </p>
      </form>
    </div>
  );
}
