import './signoff.css';
import { useState, type ReactNode } from 'react';
import { DOCUMENT_TITLES, EXPORT_DOCUMENTS, type ExportDocument, type ExportFormat } from '../../../domain/signoff/file-name';
import { errorMessage } from '../api';
import { useSession } from '../session/SessionContext';
import { download } from '../components/files';
import { ExportDialog } from '../letters/ExportDialog';

/**
 * Each document the conference exports, in Word and PDF. Unsigned conferences export drafts
 * (DRAFT on every page and in the file name); signed ones carry the signature and addenda.
 */
export function ExportBlock({ id, signed, children }: { id: string; signed: boolean; children?: ReactNode }) {
  const { client } = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  async function exportOne(document: ExportDocument, format: ExportFormat) {
    setBusy(`${document}.${format}`);
    setMessage(null);
    try {
      const file = await client['conferences.export']({ id, document, format });
      download(file.fileName, file.mimeType, file.base64);
      setMessage({ text: `Downloaded “${file.fileName}”.`, error: false });
    } catch (error) {
      setMessage({ text: `The document was not exported. ${errorMessage(error)}`, error: true });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="signoff-block" aria-labelledby="export-title">
      <h2 className="heading-m" id="export-title">
        Export
      </h2>
      <p className="body">
        {signed
          ? 'Each document carries the signature and its verification code on every page, and every addendum.'
          : 'Not signed yet: documents export as drafts, marked DRAFT on every page and in the file name.'}
      </p>
      {children}
      {/* Issue 8: every output, each child's letter and both formats at once. The table below exports one file. */}
      <ExportDialog id={id} signed={signed} />
      <table className="export-table">
        <thead>
          <tr>
            <th scope="col">Document</th>
            <th scope="col">Download</th>
          </tr>
        </thead>
        <tbody>
          {EXPORT_DOCUMENTS.map((document) => (
            <tr key={document}>
              <th scope="row">{DOCUMENT_TITLES[document]}</th>
              <td>
                {(['docx', 'pdf'] as const).map((format) => (
                  <button
                    key={format}
                    type="button"
                    className="button button--secondary export-table__button"
                    disabled={busy !== null}
                    aria-label={`${DOCUMENT_TITLES[document]} as ${format === 'docx' ? 'Word' : 'PDF'}`}
                    onClick={() => void exportOne(document, format)}
                  >
                    {busy === `${document}.${format}` ? 'Preparing…' : format === 'docx' ? 'Word' : 'PDF'}
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {message && (
        <p className={`body${message.error ? ' error-text' : ''}`} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
