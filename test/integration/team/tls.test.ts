import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { signIn } from '../../../main/services/team/membership';
import type { TeamServer } from '../../../main/services/team/team-server';
import { startCluster, type Cluster } from './pg-cluster';
import { newTeam, passphraseOf, type Team } from './team-fixture';

/**
 * TLS with the certificate checked (verify-full): the council's CA must have issued the server's
 * certificate, for the name the app connects to, and it must be in date. Certificates are made
 * here with the openssl command (installed with PostgreSQL).
 */

const run = promisify(execFile);
let cluster: Cluster;
let team: Team;
let work: string;
let ca: string;
let otherCa: string;
let chair: string;

async function issue(name: string, caName: string, san: string, days: number): Promise<{ crt: string; key: string }> {
  const ext = join(work, `${name}.ext`);
  await writeFile(ext, `subjectAltName=${san}\n`);
  await run('openssl', ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(work, `${name}.key`), '-out', join(work, `${name}.csr`), '-subj', `/CN=${name}`]);
  await run('openssl', ['x509', '-req', '-in', join(work, `${name}.csr`), '-CA', join(work, `${caName}.crt`), '-CAkey', join(work, `${caName}.key`), '-CAcreateserial', '-out', join(work, `${name}.crt`), '-days', String(days), '-extfile', ext]);
  return { crt: await readFile(join(work, `${name}.crt`), 'utf8'), key: await readFile(join(work, `${name}.key`), 'utf8') };
}

async function newCa(name: string): Promise<string> {
  await run('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(work, `${name}.key`), '-out', join(work, `${name}.crt`), '-days', '3', '-subj', `/CN=${name}`]);
  return readFile(join(work, `${name}.crt`), 'utf8');
}

/** Puts a certificate on the server and reloads it (ssl settings take effect on reload). */
async function serve(cert: { crt: string; key: string }, label: string): Promise<void> {
  const crt = await cluster.installFile(`${label}.crt`, cert.crt, 0o644);
  const key = await cluster.installFile(`${label}.key`, cert.key, 0o600);
  await team.owner.query(`ALTER SYSTEM SET ssl_cert_file = '${crt}'`);
  await team.owner.query(`ALTER SYSTEM SET ssl_key_file = '${key}'`);
  await team.owner.query('ALTER SYSTEM SET ssl = on');
  await team.owner.query('SELECT pg_reload_conf()');
  await new Promise((resolve) => setTimeout(resolve, 300));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cpc-tls-'));
  ca = await newCa('carrowby-ca');
  otherCa = await newCa('someone-elses-ca');
  cluster = await startCluster();
  team = await newTeam(cluster, 'tls');
  chair = team.login('ch.marsh');
  await team.join(chair, 'chair');
}, 120_000);

afterAll(async () => {
  await team?.close();
  await cluster?.stop();
  await rm(work, { recursive: true, force: true });
});

const withCa = (caCertificate: string): TeamServer => ({ ...team.server, caCertificate });

describe('TLS to the team’s server', () => {
  test('a certificate from the council’s CA, for the server’s name, is accepted and the session is encrypted', async () => {
    await serve(await issue('good', 'carrowby-ca', 'DNS:localhost,IP:127.0.0.1', 2), 'good');
    const member = await signIn(withCa(ca), chair, passphraseOf(chair), TEST_KDF);
    const { rows } = await member.client.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    await member.client.end();
    expect(rows).toEqual([{ ssl: true }]);
  });

  test('a certificate from another CA is refused with a plain message, before the passphrase is sent', async () => {
    await serve(await issue('good', 'carrowby-ca', 'DNS:localhost,IP:127.0.0.1', 2), 'good');
    await expect(signIn(withCa(otherCa), chair, passphraseOf(chair), TEST_KDF)).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/did not prove who it is/),
    });
  });

  test('a certificate for another name is refused', async () => {
    await serve(await issue('misnamed', 'carrowby-ca', 'DNS:db.elsewhere.example', 2), 'misnamed');
    await expect(signIn(withCa(ca), chair, passphraseOf(chair), TEST_KDF)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/did not prove who it is/) });
  });

  test('an expired certificate is refused', async () => {
    await serve(await issue('expired', 'carrowby-ca', 'DNS:localhost,IP:127.0.0.1', -1), 'expired');
    await expect(signIn(withCa(ca), chair, passphraseOf(chair), TEST_KDF)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/did not prove who it is/) });
  });

  test('a server that offers no TLS at all is refused when a CA is configured', async () => {
    await team.owner.query('ALTER SYSTEM SET ssl = off');
    await team.owner.query('SELECT pg_reload_conf()');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(signIn(withCa(ca), chair, passphraseOf(chair), TEST_KDF)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  test('a server elsewhere without a CA certificate is not even tried', async () => {
    await expect(signIn({ ...team.server, host: 'db.carrowby.example' }, chair, passphraseOf(chair), TEST_KDF)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/must be reached over TLS/),
    });
  });
});
