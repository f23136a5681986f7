import { ApiFailure } from '../../../domain/api/result';
import type { ConferenceStore } from '../store/conference-store';
import type { PgConferenceStore } from './pg-store';

/**
 * `team import-local`: a chair's conferences from their local folder into the team store. Each is
 * checked before it is sent (its history verifies on this computer, its signatures verify), put in
 * whole in one transaction, then read back from the server and checked again. Running it again
 * skips what is already there unchanged, so an interrupted import is simply run again.
 */

export interface ImportReport {
  imported: string[];
  alreadyThere: string[];
  /** By id and reason only: never a name. */
  refused: { id: string; reason: string }[];
}

export async function importLocal(local: ConferenceStore, team: PgConferenceStore, progress: (line: string) => void = () => undefined): Promise<ImportReport> {
  const report: ImportReport = { imported: [], alreadyThere: [], refused: [] };
  const { conferences } = await local.list();
  for (const [index, summary] of conferences.entries()) {
    const id = summary.id;
    try {
      const history = await local.history(id);
      const source = await local.exportSource(id);
      if (!history.intact || !source.signatures.intact) throw new ApiFailure('TAMPERED', 'its history or signatures do not verify on this computer');
      const review = await local.withReview((r) => r.block(id));
      const outcome = await team.importConference({ record: source.record, entries: history.entries, signed: source.signed, review });
      // Read back through the team store and checked as any open is.
      const back = await team.history(id);
      const signatures = await team.signatures(id);
      if (!back.intact || !signatures.intact || back.entries.length !== history.entries.length) {
        throw new ApiFailure('TAMPERED', 'it did not verify when read back from the server');
      }
      (outcome === 'imported' ? report.imported : report.alreadyThere).push(id);
    } catch (error) {
      const reason = error instanceof ApiFailure ? error.message : 'it could not be read';
      report.refused.push({ id, reason });
    }
    progress(`${index + 1} of ${conferences.length} checked`);
  }
  return report;
}
