import { useEffect, useState, type FormEvent } from 'react';
import type { ChairProfile } from '../../../domain/signoff/schemas';
import { errorMessage } from '../api';
import { ErrorSummary, type ErrorItem } from '../components/ErrorSummary';
import { TextField } from '../components/TextField';
import { useSession } from '../session/SessionContext';
import { PdfCertificateForm } from './PdfCertificateForm';

const FIELDS = [
  { id: 'chair-name', key: 'name', label: 'Your name, as it should appear on signed minutes', missing: 'Enter your name' },
  { id: 'chair-role', key: 'role', label: 'Your role', missing: 'Enter your role, for example Independent Child Protection Chair' },
  { id: 'chair-council', key: 'council', label: 'Council', missing: 'Enter your council' },
] as const;

type Values = Record<(typeof FIELDS)[number]['key'], string>;

/**
 * The chair's profile: who signs. Saving it the first time makes the signing key (kept
 * encrypted in the store); later changes keep the same key.
 */
export function ChairProfileForm() {
  const { client } = useSession();
  const [values, setValues] = useState<Values>({ name: '', role: '', council: '' });
  const [profile, setProfile] = useState<ChairProfile | null>(null);
  const [errors, setErrors] = useState<ErrorItem[]>([]);
  const [submits, setSubmits] = useState(0);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let active = true;
    client['profile.get']({})
      .then(({ profile: found }) => {
        if (!active || found === null) return;
        setProfile(found);
        setValues({ name: found.name, role: found.role, council: found.council });
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [client]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const missing = FIELDS.filter((field) => values[field.key].trim() === '').map((field) => ({ fieldId: field.id, message: field.missing }));
    if (missing.length > 0) {
      setErrors(missing);
      setSubmits((n) => n + 1);
      return;
    }
    try {
      const result = await client['profile.set']({ name: values.name.trim(), role: values.role.trim(), council: values.council.trim() });
      setProfile(result.profile);
      setErrors([]);
      setSaved(true);
    } catch (error) {
      setErrors([{ fieldId: FIELDS[0].id, message: `The profile was not saved. ${errorMessage(error)}` }]);
      setSubmits((n) => n + 1);
    }
  }

  return (
    <section aria-labelledby="chair-profile-title">
      <h2 className="heading-m" id="chair-profile-title">
        Chair profile
      </h2>
      <p className="body">Who signs the minutes. Your signing key is made the first time you save this and is kept encrypted with your records.</p>
      <ErrorSummary errors={errors} focusKey={submits} />
      {saved && profile && (
        <p className="body" role="status">
          Chair profile saved. Signing key {profile.keyId}.
        </p>
      )}
      <form noValidate onSubmit={submit}>
        {FIELDS.map((field) => (
          <TextField
            key={field.id}
            id={field.id}
            label={field.label}
            error={errors.find((e) => e.fieldId === field.id)?.message}
            value={values[field.key]}
            onChange={(value) => setValues((current) => ({ ...current, [field.key]: value }))}
          />
        ))}
        <button type="submit" className="button">
          Save chair profile
        </button>
      </form>
      {profile && <PdfCertificateForm profile={profile} onProfile={setProfile} />}
    </section>
  );
}
