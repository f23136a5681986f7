import { useState, type FormEvent } from 'react';
import { fileToBase64 } from '../components/files';
import type { ChairProfile } from '../../../domain/signoff/schemas';
import { errorMessage } from '../api';
import { describedBy, FieldShell } from '../components/FieldShell';
import { TextField } from '../components/TextField';
import { formatIsoDate } from '../format/dates';
import { useSession } from '../session/SessionContext';
import '../verify/verify.css';

const FILE_ID = 'certificate-file';
const PASSWORD_ID = 'certificate-password';
const FILE_HINT = 'A PKCS#12 file (.p12 or .pfx) from your council, holding your certificate and its private key.';
/** Council certificate files are a few kilobytes; anything near this is not one. */
const MAX_P12_BYTES = 1024 * 1024;

/**
 * The certificate signed PDFs carry. The app makes one (self-signed, in the chair's name) when
 * the profile is first saved; a council that issues its chairs certificates can have the chair
 * import theirs here. The password opens the file once and is not kept.
 */
export function PdfCertificateForm({ profile, onProfile }: { profile: ChairProfile; onProfile: (profile: ChairProfile) => void }) {
  const { client } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState(false);
  const certificate = profile.certificate;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (file === null || file.size > MAX_P12_BYTES) {
      setError(file === null ? 'Choose your council’s certificate file' : 'This file is far larger than a certificate file, so it was not imported');
      document.getElementById(FILE_ID)?.focus();
      return;
    }
    try {
      const result = await client['profile.importCertificate']({ base64: await fileToBase64(file), password });
      onProfile(result.profile);
      setError(undefined);
      setPassword('');
      setDone(true);
    } catch (failure) {
      setError(errorMessage(failure));
      document.getElementById(FILE_ID)?.focus();
    }
  }

  return (
    <section aria-labelledby="pdf-certificate-title">
      <h3 className="heading-s" id="pdf-certificate-title">
        Certificate for signed PDFs
      </h3>
      {certificate ? (
        <p className="body">
          {certificate.source === 'generated' ? 'Made by this app (self-signed): ' : 'Imported from your council: '}
          {certificate.subject}, valid until {formatIsoDate(certificate.notAfter.slice(0, 10))}. PDF readers show signed PDFs as signed by this certificate.
        </p>
      ) : (
        <p className="body">A certificate will be made the next time you save your profile or export signed minutes as PDF.</p>
      )}
      {done && (
        <p className="body" role="status">
          Certificate imported. Signed PDFs exported from now on carry it; PDFs signed before still check as this store’s.
        </p>
      )}
      <form noValidate onSubmit={submit}>
        <FieldShell domId={FILE_ID} label="Your council’s certificate file (optional)" hint={FILE_HINT} required={false} error={error}>
          <input
            id={FILE_ID}
            className="file-input"
            type="file"
            accept=".p12,.pfx,application/x-pkcs12"
            aria-describedby={describedBy(FILE_ID, FILE_HINT, error)}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setError(undefined);
            }}
          />
        </FieldShell>
        <TextField id={PASSWORD_ID} label="The certificate file’s password" type="password" value={password} onChange={setPassword} />
        <button type="submit" className="button button--secondary">
          Import certificate
        </button>
      </form>
    </section>
  );
}
