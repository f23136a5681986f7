import { useState, type FormEvent } from 'react';
import { fileToBase64 } from '../components/files';
import { MAX_VERIFY_FILE_BYTES, type FileVerification } from '../../../domain/signoff/verification';
import { errorMessage } from '../api';
import { describedBy, FieldShell } from '../components/FieldShell';
import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../components/usePageTitle';
import { useSession } from '../session/SessionContext';
import { routeHref } from '../session/routes';
import './verify.css';

type Check = { kind: 'idle' } | { kind: 'checking'; name: string } | { kind: 'done'; name: string; result: FileVerification } | { kind: 'failed'; message: string };

const INPUT_ID = 'verify-file';
const HINT = `A PDF (.pdf) or Word file (.docx), up to ${MAX_VERIFY_FILE_BYTES / (1024 * 1024)} MB.`;

const HEADINGS: Record<FileVerification['verdict'], string> = {
  valid: 'Matches the signed minutes',
  altered: 'Altered since it was signed',
  unknown: 'Signed by someone unknown',
  newer: 'Newer than anything in this store',
  'not-a-document': 'Not a signed conference document',
};

/**
 * "Check a signed file": choose a PDF or Word file exported by the app and hear, in a sentence,
 * whether it is a signed version this store holds. The file is read in the page and sent to
 * the services (files.verify), which only read the store. The answer is in a role=status
 * region, so a screen reader announces it without moving focus away from the file input.
 */
export function CheckSignedFile() {
  usePageTitle('Check a signed file');
  const { client } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<Check>({ kind: 'idle' });
  const [error, setError] = useState<string | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setCheck({ kind: 'idle' });
    if (file === null) {
      setError('Choose a PDF or Word file to check');
      document.getElementById(INPUT_ID)?.focus();
      return;
    }
    if (file.size > MAX_VERIFY_FILE_BYTES) {
      setError(`The file is larger than ${MAX_VERIFY_FILE_BYTES / (1024 * 1024)} MB, far larger than any exported minutes, so it was not checked`);
      document.getElementById(INPUT_ID)?.focus();
      return;
    }
    setError(undefined);
    setCheck({ kind: 'checking', name: file.name });
    try {
      const base64 = await fileToBase64(file);
      const result = await client['files.verify']({ fileName: file.name, base64 });
      setCheck({ kind: 'done', name: file.name, result });
    } catch (error) {
      setCheck({ kind: 'failed', message: `The file could not be checked. ${errorMessage(error)}` });
    }
  }

  return (
    <>
      <PageHeading>Check a signed file</PageHeading>
      <p className="body">
        Choose minutes, a family copy, a decision letter or an actions list that this app exported, as PDF or Word. The app says whether it is a
        signed version held in this store, and whether anything in it has changed since it was signed. Checking a file changes nothing.
      </p>
      <form className="verify-form" noValidate onSubmit={submit}>
        <FieldShell domId={INPUT_ID} label="File to check" hint={HINT} required={false} error={error}>
          <input
            id={INPUT_ID}
            className="file-input"
            type="file"
            accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            aria-describedby={describedBy(INPUT_ID, HINT, error)}
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setError(undefined);
              setCheck({ kind: 'idle' });
            }}
          />
        </FieldShell>
        <button type="submit" className="button" disabled={check.kind === 'checking'}>
          Check this file
        </button>
      </form>
      <div role="status" className="verify-result" aria-live="polite">
        {check.kind === 'checking' && <p className="body">Checking {check.name}…</p>}
        {check.kind === 'failed' && <p className="body verify-result__failed">{check.message}</p>}
        {check.kind === 'done' && <Verdict name={check.name} result={check.result} />}
      </div>
      <p className="body">
        <a href={routeHref({ name: 'list' })}>Back to conferences</a>
      </p>
    </>
  );
}

function Verdict({ name, result }: { name: string; result: FileVerification }) {
  return (
    <div className={`verdict verdict--${result.verdict}`}>
      <h2 className="heading-m">{HEADINGS[result.verdict]}</h2>
      <p className="body verdict__file">{name}</p>
      <p className="body verdict__summary">{result.summary}</p>
      {result.details.length > 0 && (
        <ul className="list verdict__details">
          {result.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

