import forge from 'node-forge';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { ChairProfile } from '../../../domain/signoff/schemas';
import type { FileVerification } from '../../../domain/signoff/verification';
import { whitfieldRecord } from '../../../main/demo/scenarios';
import { handlersFor } from '../../../main/services/app-services';
import { dispatch } from '../../../main/services/dispatch';
import type { PgConferenceStore } from '../../../main/services/team/pg-store';
import { requireTool } from '../export/extract';
import { pdfsig, withByteChanged } from '../verify/helpers';
import { startCluster, type Cluster } from './pg-cluster';
import { newTeam, passphraseOf, type Team } from './team-fixture';

/**
 * Signed PDFs from a team store: a team chair's certificate is kept in their sealed profile row,
 * its public parts are published to teammates, and any member can check a file. Read by poppler's
 * pdfsig (its TEXT: it exits 0 even on a digest mismatch) and by the app's own check. Fictional
 * staff, family and council throughout.
 */

let cluster: Cluster;
let team: Team;
let chair: string;
let manager: string;
let minuteTaker: string;

const CHAIR_PROFILE = { name: 'Helen Marsh', role: 'Independent Child Protection Chair', council: 'Carrowby Borough Council' };
const MANAGER_PROFILE = { name: 'Anders Lindqvist', role: 'Safeguarding Service Manager', council: 'Carrowby Borough Council' };

function api(store: PgConferenceStore) {
  const handlers = handlersFor(store);
  return {
    store,
    call: (operation: string, input?: unknown) => dispatch(handlers, operation, input),
    async ok<T>(operation: string, input?: unknown): Promise<T> {
      const result = await dispatch(handlers, operation, input);
      if (!result.ok) throw new Error(`${operation} failed: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    },
  };
}
type Api = ReturnType<typeof api>;

async function signedIn(login: string): Promise<Api> {
  const a = api(team.storeFor(login));
  await a.ok('vault.unlock', { passphrase: passphraseOf(login) });
  return a;
}

async function signedWhitfield(a: Api): Promise<string> {
  const ready = whitfieldRecord();
  const children = ready.sections['children'];
  const names = children?.kind === 'list' ? children.items.map((item) => ({ name: String(item.values['name']) })) : [];
  const created = await a.ok<ConferenceRecord>('conferences.create', { type: ready.type, date: '2026-01-15', children: names });
  await a.ok('conferences.save', { id: created.id, baseRevision: created.revision, sections: ready.sections });
  const { conference } = await a.ok<{ conference: ConferenceRecord }>('conferences.get', { id: created.id });
  await a.ok('conferences.sign', { id: conference.id, baseRevision: conference.revision });
  return conference.id;
}

async function exportPdf(a: Api, id: string, document = 'full-minutes'): Promise<Buffer> {
  const out = await a.ok<{ base64: string }>('conferences.export', { id, document, format: 'pdf' });
  return Buffer.from(out.base64, 'base64');
}

const verify = (a: Api, pdf: Buffer) => a.ok<FileVerification>('files.verify', { fileName: 'minutes.pdf', base64: pdf.toString('base64') });

/** A letter of the Producer entry: inside the signed bytes, and readers still parse past it. */
function producerLetter(pdf: Buffer): number {
  const at = pdf.indexOf('\n(Conference Recorder)');
  expect(at, 'the Producer entry').toBeGreaterThan(0);
  return at + 3;
}

/** A council-issued PKCS#12, issued by the council's own CA. */
function councilP12(password: string): Buffer {
  const ca = forge.pki.rsa.generateKeyPair(1024);
  const own = forge.pki.rsa.generateKeyPair(1024);
  const cert = forge.pki.createCertificate();
  cert.publicKey = own.publicKey;
  cert.serialNumber = '03';
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  cert.setSubject([{ shortName: 'CN', value: 'Helen Marsh' }, { shortName: 'O', value: 'Carrowby Borough Council' }]);
  cert.setIssuer([{ shortName: 'CN', value: 'Carrowby Borough Council Signing CA' }]);
  cert.sign(ca.privateKey, forge.md.sha256.create());
  return Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(own.privateKey, [cert], password, { algorithm: '3des' })).getBytes(), 'binary');
}

beforeAll(async () => {
  cluster = await startCluster();
  team = await newTeam(cluster, 'certs');
  chair = team.login('ch.marsh');
  manager = team.login('mg.lindqvist');
  minuteTaker = team.login('mt.okafor');
  await team.join(chair, 'chair');
  await team.join(manager, 'manager');
  await team.join(minuteTaker, 'minute_taker');
}, 120_000);

afterAll(async () => {
  await team?.close();
  await cluster?.stop();
});

describe('signed PDFs from a team store', () => {
  requireTool('pdfsig');

  test('a team chair signs and exports: pdfsig says valid, the app says version 1; one byte changed is altered; the manager on their own session gets “matches”', async () => {
    const a = await signedIn(chair);
    const { profile } = await a.ok<{ profile: ChairProfile }>('profile.set', CHAIR_PROFILE);
    expect(profile.certificate?.source).toBe('generated');
    const id = await signedWhitfield(a);
    const pdf = await exportPdf(a, id);

    const report = pdfsig(pdf);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signer Certificate Common Name: Helen Marsh');

    const mine = await verify(a, pdf);
    expect(mine.verdict, mine.summary).toBe('valid');
    expect(mine.conferenceId).toBe(id);
    expect(mine.version).toBe(1);
    expect(mine.summary).toContain('the latest signed version');

    const changed = withByteChanged(pdf, producerLetter(pdf));
    expect(pdfsig(changed)).toMatch(/Digest Mismatch|Signature is Invalid/);
    const altered = await verify(a, changed);
    expect(altered.verdict, altered.summary).toBe('altered');

    // A teammate with no certificate of their own, on their own session, knows the chair's.
    const m = await signedIn(manager);
    const theirs = await verify(m, pdf);
    expect(theirs.verdict, theirs.summary).toBe('valid');
    expect(theirs.version).toBe(1);
    expect(theirs.summary).toContain('matches');
    expect((await verify(m, changed)).verdict).toBe('altered');
  });

  test('a PDF signed by a certificate outside the team is “signed by someone unknown”, while pdfsig finds its signature intact', async () => {
    // A second team on the same cluster stands for another council: its chair's certificate is not this team's.
    const other = await newTeam(cluster, 'certs-other');
    try {
      const otherChair = other.login('ch.fairley');
      await other.join(otherChair, 'chair');
      const o = api(other.storeFor(otherChair));
      await o.ok('vault.unlock', { passphrase: passphraseOf(otherChair) });
      await o.ok('profile.set', { name: 'Imogen Fairley', role: 'Conference Chair', council: 'Westmere County Council' });
      const pdf = await exportPdf(o, await signedWhitfield(o));
      expect(pdfsig(pdf)).toContain('Signature is Valid.');
      const checked = await verify(await signedIn(manager), pdf);
      expect(checked.verdict, checked.summary).toBe('unknown');
      expect(checked.summary).toContain('Imogen Fairley');
    } finally {
      await other.close();
    }
  });

  test('a council PKCS#12 is imported into the sealed profile: new PDFs carry it, and PDFs signed before still check for teammates', async () => {
    const a = await signedIn(chair);
    await a.ok('profile.set', CHAIR_PROFILE);
    const id = await signedWhitfield(a);
    const before = await exportPdf(a, id);
    const wrong = await a.call('profile.importCertificate', { base64: councilP12('harbour-1').toString('base64'), password: 'not it' });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('INVALID_INPUT');
    const { profile } = await a.ok<{ profile: ChairProfile }>('profile.importCertificate', { base64: councilP12('harbour-2').toString('base64'), password: 'harbour-2' });
    expect(profile.certificate?.source).toBe('imported');
    const after = await exportPdf(a, id);
    const report = pdfsig(after);
    expect(report).toContain('Signature is Valid.');
    // The council's certificate as issued (the app's own would add the role and "self-signed").
    expect(report).toContain('Signer full Distinguished Name: O=Carrowby Borough Council,CN=Helen Marsh\n');

    const m = await signedIn(manager);
    await m.ok('profile.set', MANAGER_PROFILE);
    for (const pdf of [before, after]) {
      const checked = await verify(m, pdf);
      expect(checked.verdict, checked.summary).toBe('valid');
    }
  });
});

describe('what the server holds of certificates', () => {
  test('no certificate private key, PKCS#12, its passphrase, PEM or subject is in any column in clear', async () => {
    const a = await signedIn(chair);
    await a.ok('profile.set', CHAIR_PROFILE);
    const cert = await a.store.pdfCertificate();
    const documentKey = await a.store.documentKey();
    expect(documentKey).not.toBeNull();
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(cert.p12, 'base64').toString('binary'))), false, cert.passphrase);
    const keyBag = p12.getBags({ bagType: forge.pki.oids['pkcs8ShroudedKeyBag']! })[forge.pki.oids['pkcs8ShroudedKeyBag']!]?.[0];
    const rsaKey = keyBag?.key as forge.pki.rsa.PrivateKey | undefined;
    expect(rsaKey).toBeDefined();
    const pem = forge.pki.privateKeyToPem(rsaKey!);
    const pemBody = pem.split('\n').filter((line) => !line.startsWith('-----') && line.length > 20)[1]!;
    const der = Buffer.from(forge.asn1.toDer(forge.pki.privateKeyToAsn1(rsaKey!)).getBytes(), 'binary');
    const edKey = documentKey!.privateKey.export({ type: 'pkcs8', format: 'der' });
    const needles: [string, string][] = [
      ['PKCS#12 (base64)', cert.p12.slice(100, 160)],
      ['PKCS#12 (raw)', Buffer.from(cert.p12, 'base64').subarray(100, 140).toString('latin1')],
      ['PKCS#12 passphrase', cert.passphrase],
      ['RSA key PEM line', pemBody],
      ['RSA key DER', der.subarray(-64).toString('latin1')],
      ['RSA key DER (base64)', der.toString('base64').slice(200, 260)],
      ['Ed25519 key (base64)', edKey.toString('base64').slice(-24)],
      ['Ed25519 key (raw)', edKey.subarray(-32).toString('latin1')],
      ['PEM marker', 'PRIVATE KEY-----'],
      ['certificate subject', cert.subject],
    ];

    const { rows: columns } = await team.owner.query<{ table_schema: string; table_name: string; column_name: string }>(
      `SELECT table_schema, table_name, column_name FROM information_schema.columns
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3`,
    );
    expect(columns.map((c) => `${c.table_name}.${c.column_name}`)).toContain('member_public.sealed');
    const texts: string[] = [];
    for (const c of columns) {
      const { rows } = await team.owner.query<{ v: unknown }>(`SELECT ${pg.escapeIdentifier(c.column_name)} AS v FROM ${pg.escapeIdentifier(c.table_schema)}.${pg.escapeIdentifier(c.table_name)}`);
      for (const { v } of rows) {
        if (v === null) continue;
        if (Buffer.isBuffer(v)) texts.push(v.toString('utf8'), v.toString('latin1'));
        else texts.push(typeof v === 'string' ? v : JSON.stringify(v));
      }
    }
    const haystack = texts.join('\n');
    // The scan works: it finds what the server is meant to see (a login).
    expect(haystack).toContain(chair);
    expect(needles.filter(([, needle]) => haystack.includes(needle)).map(([what]) => what)).toEqual([]);
  });

  test('nobody publishes a certificate in another member’s name, and a published row moved to another member does not open', async () => {
    const a = await signedIn(chair);
    await a.ok('profile.set', CHAIR_PROFILE);
    const mt = await signedIn(minuteTaker);
    await mt.ok('profile.set', { name: 'Priya Okafor', role: 'Minute-taker', council: 'Carrowby Borough Council' });
    // The minute-taker's own connection, as a changed client would use it.
    const { signIn } = await import('../../../main/services/team/membership');
    const { TEST_KDF } = await import('../../../main/services/store/kdf');
    const raw = await signIn(team.server, minuteTaker, passphraseOf(minuteTaker), TEST_KDF);
    try {
      const { rows } = await raw.client.query<{ team_key_version: number; sealed: Buffer }>('SELECT team_key_version, sealed FROM cpc.member_public WHERE member = $1 ORDER BY id DESC LIMIT 1', [minuteTaker]);
      const own = rows[0]!;
      await expect(raw.client.query('INSERT INTO cpc.member_public (member, team_key_version, sealed) VALUES ($1, $2, $3)', [chair, own.team_key_version, own.sealed])).rejects.toThrow(/row-level security/);
      await expect(raw.client.query('UPDATE cpc.member_public SET sealed = $1', [own.sealed])).rejects.toThrow(/permission denied/);
      await expect(raw.client.query('DELETE FROM cpc.member_public')).rejects.toThrow(/permission denied/);
    } finally {
      await raw.client.end();
    }
    // The owner (who can write anything) moves the chair's row to the minute-taker: it no longer opens, so vouches for nobody.
    const before = (await a.store.verificationSource(null)).certificates.size;
    const chairCert = await a.store.pdfCertificate();
    expect((await mt.store.verificationSource(null)).certificates.has(chairCert.fingerprint)).toBe(true);
    const { rows: chairRows } = await team.owner.query<{ id: string }>('SELECT id FROM cpc.member_public WHERE member = $1', [chair]);
    const ids = chairRows.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    await team.owner.query('UPDATE cpc.member_public SET member = $1 WHERE id = ANY($2::bigint[])', [minuteTaker, ids]);
    try {
      const known = (await mt.store.verificationSource(null)).certificates;
      expect(known.has(chairCert.fingerprint)).toBe(false);
      expect(known.size).toBeLessThan(before);
    } finally {
      await team.owner.query('UPDATE cpc.member_public SET member = $1 WHERE id = ANY($2::bigint[])', [chair, ids]);
    }
  });
});
