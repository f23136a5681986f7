import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { PgConferenceStore } from './pg-store';
import { QueueingTeamStore } from './offline-store';

/**
 * Pointing the app at a council's team store: a small JSON file named by CPC_TEAM_SETTINGS
 * (placed by IT on council computers), instead of the records folder. It holds where the server
 * is and who signs in on this computer; no secret: the passphrase is typed at the lock screen.
 *
 *   { "host": "cpc-db.carrowby.gov.uk", "port": 5432, "database": "conferences",
 *     "prefix": "cpc_", "caFile": "carrowby-ca.pem", "login": "h.marsh" }
 */

const TeamSettingsSchema = z.strictObject({
  host: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65_535).default(5432),
  database: z.string().min(1).max(63),
  prefix: z.string().regex(/^[a-z][a-z0-9_]{0,20}_$/),
  /** The council's CA certificate (PEM), relative to this file; required unless the server is this computer. */
  caFile: z.string().min(1).optional(),
  login: z.string().regex(/^[a-z][a-z0-9_.-]{1,40}$/),
});

/** With `queueDir` (the app's per-user folder), saves made while the server is away are kept there, sealed (offline-store.ts). */
export async function teamStoreFromSettings(path: string, options: { queueDir?: string } = {}): Promise<PgConferenceStore> {
  let parsed;
  try {
    parsed = TeamSettingsSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    throw new Error(`The team settings file (${path}) could not be read: it must be JSON with host, database, prefix, login and, for a server elsewhere, caFile.`);
  }
  const { caFile, login, ...server } = parsed;
  const caCertificate = caFile === undefined ? undefined : await readFile(resolve(dirname(path), caFile), 'utf8');
  const storeOptions = { server: { ...server, ...(caCertificate === undefined ? {} : { caCertificate }) }, login };
  return options.queueDir === undefined ? new PgConferenceStore(storeOptions) : new QueueingTeamStore({ ...storeOptions, queueDir: options.queueDir });
}
