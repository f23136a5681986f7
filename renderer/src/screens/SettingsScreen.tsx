import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api';
import { Banner } from '../components/Banner';
import { ErrorSummary, type ErrorItem } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/TextField';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/SessionContext';
import { LocalRulesForm } from './LocalRulesForm';
import { ChairProfileForm } from '../signoff/ChairProfileForm';

const MINUTES_ID = 'auto-lock-minutes';
const MAX_MINUTES = 240;

function describe(minutes: number): string {
  if (minutes === 0) return 'The app will not lock itself. Remember to lock it when you leave the computer.';
  return `The app will lock itself after ${minutes === 1 ? '1 minute' : `${minutes} minutes`} without activity.`;
}

export function SettingsScreen() {
  const { client, settings, updateSettings } = useSession();
  const [minutes, setMinutes] = useState(String(settings.autoLockMinutes));
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [submits, setSubmits] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  usePageTitle('Settings', errors.length > 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const text = minutes.trim();
    const value = Number(text);
    if (text === '' || !/^\d+$/.test(text) || value > MAX_MINUTES) {
      setErrors([
        {
          fieldId: MINUTES_ID,
          message: text === '' ? 'Enter a number of minutes' : `Minutes must be a whole number from 0 to ${MAX_MINUTES}`,
        },
      ]);
      setSubmits((n) => n + 1);
      return;
    }
    try {
      const next = await client['settings.update']({ autoLockMinutes: value });
      updateSettings(next);
      setErrors([]);
      setSaved(describe(next.autoLockMinutes));
    } catch (error) {
      setErrors([{ fieldId: MINUTES_ID, message: `The setting was not saved. ${errorMessage(error)}` }]);
      setSubmits((n) => n + 1);
    }
  }

  return (
    <div className="narrow">
      <ErrorSummary errors={errors} focusKey={submits} />
      {saved && (
        <Banner title="Settings saved" tone="success">
          <p className="body">{saved}</p>
        </Banner>
      )}
      <PageHeading>Settings</PageHeading>
      <form noValidate onSubmit={submit}>
        <h2 className="heading-m">Automatic locking</h2>
        <p className="body">Locking hides every record until the passphrase is entered again, so nobody can read them if you step away.</p>
        <TextField
          id={MINUTES_ID}
          label="Lock after this many minutes without activity"
          hint={`A whole number from 1 to ${MAX_MINUTES}, or 0 to turn automatic locking off.`}
          error={errors[0]?.message}
          value={minutes}
          onChange={setMinutes}
          width="short"
          inputMode="numeric"
        />
        <button type="submit" className="button">
          Save settings
        </button>
      </form>
      <ChairProfileForm />
      <LocalRulesForm settings={settings} />
    </div>
  );
}
