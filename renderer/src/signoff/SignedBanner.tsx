import type { Signatures } from '../../../domain/signoff/schemas';
import { signedSentence, signedWhen } from './format';

/**
 * The top of a signed conference: that it is signed and locked, every signed version with its
 * verification code, and — loudly — any version that no longer verifies.
 */
export function SignedBanner({ signatures, justSigned }: { signatures: Signatures; justSigned: string | null }) {
  const first = signatures.versions[0];
  if (first === undefined) return null;
  const broken = signatures.versions.filter((v) => !v.valid);
  return (
    <div className={`banner ${broken.length === 0 ? 'banner--success' : 'warning-panel'} signed-banner`} role="region" aria-labelledby="signed-banner-title">
      <h2 className="banner__title" id="signed-banner-title">
        {broken.length === 0 ? 'Signed minutes: locked' : 'Signed minutes: the signatures do not verify'}
      </h2>
      <div className="banner__body">
        {justSigned && (
          <p className="body" role="status">
            <strong>{justSigned}</strong>
          </p>
        )}
        <p className="body">
          Signed by {first.signer.name}, {first.signer.role}, {first.signer.council}, on {signedWhen(first.signedAt)}. These minutes can no longer be changed;
          corrections are added as signed addenda and appear in every document exported after them.
        </p>
        <ul className="list">
          {signatures.versions.map((version) => (
            <li key={version.version}>
              {version.kind === 'addendum' ? `Addendum: ${signedSentence(version)}` : signedSentence(version)}
              {!version.valid && <strong className="error-text"> Does not verify: {version.problem}</strong>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
