import { useState } from 'react';
import type { SignedVersionView } from '../../../domain/signoff/schemas';
import { errorMessage } from '../api';
import { useSession } from '../session/SessionContext';
import { routeHref } from '../session/routes';

/**
 * "Sign the minutes", shown in the readiness panel once every rule passes. Signing locks the
 * record, so it asks first, saves anything still queued, and signs the revision now stored;
 * the service checks readiness again and refuses with its reason if anything has changed.
 */
export function SignMinutes({ id, flush, onSigned }: { id: string; flush: () => Promise<boolean>; onSigned: (version: SignedVersionView) => void }) {
  const { client } = useSession();
  const [step, setStep] = useState<'idle' | 'confirm' | 'signing'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [chair, setChair] = useState<string | null>(null);

  async function ask() {
    setError(null);
    try {
      const { profile } = await client['profile.get']({});
      if (profile === null) {
        setError('Before signing, enter your name, role and council under Settings → Chair profile.');
        return;
      }
      setChair(`${profile.name}, ${profile.role}, ${profile.council}`);
      setStep('confirm');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  async function sign() {
    setStep('signing');
    setError(null);
    try {
      if (!(await flush())) throw new Error('unsaved');
      const { conference } = await client['conferences.get']({ id });
      const { signed } = await client['conferences.sign']({ id, baseRevision: conference.revision });
      onSigned(signed);
    } catch (failure) {
      setError(failure instanceof Error && failure.message === 'unsaved' ? 'Some changes are not saved yet, so nothing was signed. Wait for them to save, then sign again.' : errorMessage(failure));
      setStep('idle');
    }
  }

  return (
    <div className="signoff">
      {error && (
        <p className="body error-text" role="alert">
          {error} {error.includes('Settings') && <a href={routeHref({ name: 'settings' })}>Open Settings</a>}
        </p>
      )}
      {step === 'idle' && (
        <button type="button" className="button" onClick={() => void ask()}>
          Sign the minutes
        </button>
      )}
      {step !== 'idle' && (
        <div className="signoff__confirm" role="group" aria-labelledby="signoff-confirm-title">
          <p className="body" id="signoff-confirm-title">
            <strong>Sign these minutes as {chair}?</strong> Once signed they cannot be changed; any correction is added as a signed addendum.
          </p>
          <button type="button" className="button" disabled={step === 'signing'} onClick={() => void sign()}>
            {step === 'signing' ? 'Signing…' : 'Yes, sign the minutes'}
          </button>{' '}
          <button type="button" className="button button--secondary" disabled={step === 'signing'} onClick={() => setStep('idle')}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
