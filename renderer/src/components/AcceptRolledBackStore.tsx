import { useRef, useState } from 'react';
import { errorMessage } from '../api';
import { useSession } from '../session/SessionContext';

/**
 * Beside the report that the whole data folder (or, in a team, the server) went back: once someone has checked it (restored
 * it from a backup, or agreed that it is as it should be), the chair can accept the store as it
 * is, so the warning stops at every unlock. A confirm step says what accepting does and does not
 * do, because it silences a tamper warning: nothing that went missing comes back.
 */
export function AcceptRolledBackStore() {
  const { client, setUnlockProblems, member } = useSession();
  const team = member.store.kind === 'team';
  const [step, setStep] = useState<'offer' | 'confirm' | 'busy'>('offer');
  const [failure, setFailure] = useState<string | null>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const offerButton = useRef<HTMLButtonElement>(null);

  async function accept() {
    setStep('busy');
    setFailure(null);
    try {
      const { problems } = await client['vault.acknowledgeRollback']({});
      setUnlockProblems(problems);
    } catch (error) {
      setStep('confirm');
      setFailure(`The store was not accepted. ${errorMessage(error)}`);
    }
  }

  if (step === 'offer') {
    return (
      <button
        type="button"
        ref={offerButton}
        className="button button--secondary"
        onClick={() => {
          setStep('confirm');
          requestAnimationFrame(() => confirmHeading.current?.focus());
        }}
      >
        I have checked this: accept the store as it is
      </button>
    );
  }
  return (
    <div className="confirm-panel" role="group" aria-labelledby="accept-store-heading">
      <h3 className="heading-s" id="accept-store-heading" tabIndex={-1} ref={confirmHeading}>
        Accept the store as it is?
      </h3>
      {team ? (
        <p className="body">
          Do this only once your team admin has checked the team server: restored the newer versions from a backup, or found that there are none.
          The conferences reported then open and save again from the versions the server holds, and this computer stops reporting them. Nothing
          that is missing from the server comes back.
        </p>
      ) : (
        <p className="body">
          Do this only once your information governance lead has checked the data folder: restored it from a backup, or agreed that it is as it
          should be. The warning then stops at every unlock. Conferences missing from the list stay missing, and a single conference that was put
          back is still reported and still cannot be saved over.
        </p>
      )}
      {failure && (
        <p className="error-message" role="alert">
          {failure}
        </p>
      )}
      <div className="button-group">
        <button type="button" className="button button--warning" disabled={step === 'busy'} onClick={() => void accept()}>
          Yes, accept the store as it is
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={step === 'busy'}
          onClick={() => {
            setStep('offer');
            setFailure(null);
            requestAnimationFrame(() => offerButton.current?.focus());
          }}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}
