import { parseArgs } from 'node:util';
import type { ExportDocument, ExportFormat } from '../../domain/signoff/file-name';

/**
 * The command line's arguments. The passphrase is deliberately NOT one of them: a command's
 * arguments can be read by every user of the computer (`ps`, /proc) and stay in shell history,
 * so an argument naming it is refused before anything else happens.
 */

export const USAGE = `Usage:
  conference-recorder export <conference-id> [options]
  conference-recorder export --all-signed [options]
  conference-recorder verify <file>

Options for export:
  --documents LIST  which documents: minutes,family,letter,actions (default: all four)
  --formats LIST    docx,pdf (default: both)
  --out DIR         the folder to write to (default: the current folder)
  --overwrite       replace files of the same name (otherwise they are left alone)

For both:
  --data DIR        the records folder (default: the app's own, or CPC_DATA_DIR)

The passphrase is read from CONFERENCE_RECORDER_PASSPHRASE, or asked for (not shown as you type).

verify exits with 0 when the file matches a signed version in this store, 1 when it has been
altered, and 2 when its signer, conference or version is unknown here or it is not a conference
document. Any command exits with 3 when it could not run (a wrong passphrase, the app has the
records open, bad arguments).`;

export const DOCUMENT_WORDS: Record<string, ExportDocument> = {
  minutes: 'full-minutes',
  family: 'family-copy',
  letter: 'decision-letter',
  actions: 'actions',
};

export type Command =
  | { kind: 'help' }
  | {
      kind: 'export';
      target: { conferenceId: string } | { allSigned: true };
      documents: ExportDocument[];
      formats: ExportFormat[];
      out: string;
      overwrite: boolean;
      data: string | null;
    }
  | { kind: 'verify'; file: string; data: string | null };

export class UsageError extends Error {}

const PASSPHRASE_REFUSED =
  'The passphrase is never taken as an argument: arguments can be read by other users of this computer and are kept in shell history. Set CONFERENCE_RECORDER_PASSPHRASE, or leave it unset to be asked for it.';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseCommand(argv: readonly string[]): Command {
  if (argv.some((arg) => /^--?pass(phrase|word)?(=|$)/i.test(arg) || arg === '-p')) throw new UsageError(PASSPHRASE_REFUSED);
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return { kind: 'help' };
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : 'The arguments were not understood.'}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const data = values.data ?? null;
  if (name === 'verify') {
    if (positionals.length !== 1) throw new UsageError(`verify takes one file.\n\n${USAGE}`);
    return { kind: 'verify', file: positionals[0]!, data };
  }
  if (name !== 'export') throw new UsageError(`There is no command “${name}”.\n\n${USAGE}`);
  if (values['all-signed'] === true && positionals.length > 0) throw new UsageError('Give either a conference id or --all-signed, not both.');
  if (values['all-signed'] !== true && positionals.length !== 1) throw new UsageError(`export takes one conference id, or --all-signed.\n\n${USAGE}`);
  if (positionals.length === 1 && !UUID.test(positionals[0]!)) throw new UsageError('A conference id looks like 6fb00296-a527-4954-be8a-62f2ad8e417a (it is in the conference’s address in the app).');
  const documents = listOf(values.documents ?? 'minutes,family,letter,actions', 'document', Object.keys(DOCUMENT_WORDS)).map((word) => DOCUMENT_WORDS[word]!);
  const formats = listOf(values.formats ?? 'docx,pdf', 'format', ['docx', 'pdf']) as ExportFormat[];
  return {
    kind: 'export',
    target: values['all-signed'] === true ? { allSigned: true } : { conferenceId: positionals[0]!.toLowerCase() },
    documents,
    formats,
    out: values.out ?? '.',
    overwrite: values.overwrite === true,
    data,
  };
}

const OPTIONS = {
  'all-signed': { type: 'boolean' },
  documents: { type: 'string' },
  formats: { type: 'string' },
  out: { type: 'string' },
  overwrite: { type: 'boolean' },
  data: { type: 'string' },
} as const;

function listOf(value: string, what: string, allowed: readonly string[]): string[] {
  const words = [...new Set(value.split(',').map((word) => word.trim().toLowerCase()).filter(Boolean))];
  const wrong = words.filter((word) => !allowed.includes(word));
  if (words.length === 0 || wrong.length > 0) throw new UsageError(`Unknown ${what}${wrong.length === 1 ? '' : 's'}: ${wrong.join(', ') || '(none given)'}. Choose from ${allowed.join(', ')}.`);
  return words;
}
