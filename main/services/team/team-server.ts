import pg from 'pg';
import { ApiFailure } from '../../../domain/api/result';

/**
 * Where a council's team store lives, and how to reach it safely. A server other than this
 * computer must be reached over TLS with its certificate checked against the council's CA and its
 * name (libpq's `verify-full`); only a loopback address may go without TLS (tests, a local install).
 */

export interface TeamServer {
  host: string;
  port: number;
  database: string;
  /** The team's group-role prefix, as given to `team init` (for example "cpc_"). */
  prefix: string;
  /** The council's CA certificate (PEM). Required unless the server is on this computer. */
  caCertificate?: string;
}

/** Group role prefix: PostgreSQL roles are cluster-wide, so each team on a server has its own. */
export const ROLE_PREFIX = /^[a-z][a-z0-9_]{0,20}_$/;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('/');
}

export function checkServer(server: TeamServer): void {
  if (!ROLE_PREFIX.test(server.prefix)) throw new ApiFailure('INVALID_INPUT', 'The team’s role prefix is not in the expected form (for example "cpc_"). Ask your team admin for the settings.');
  if (!Number.isInteger(server.port) || server.port < 1 || server.port > 65_535) throw new ApiFailure('INVALID_INPUT', 'The server’s port must be a number from 1 to 65535.');
  if (server.caCertificate === undefined && !isLoopback(server.host)) {
    throw new ApiFailure(
      'INVALID_INPUT',
      'A council’s server must be reached over TLS: add the council’s CA certificate to the team settings. Nothing has been sent to the server.',
    );
  }
}

export function clientConfig(server: TeamServer, user: string, password: string): pg.ClientConfig {
  checkServer(server);
  return {
    host: server.host,
    port: server.port,
    database: server.database,
    user,
    password,
    connectionTimeoutMillis: 10_000,
    // A server that stops answering must not hold the member's queue for ever: the server ends a
    // statement after 30 s, and TCP keepalive notices a connection that has silently gone.
    statement_timeout: 30_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // Node's TLS checks the chain against `ca` and the certificate's names against `host`: verify-full.
    // (pg names the server for SNI and the name check itself, except for an IP address, which
    // Node then checks as "localhost": a council's server is named, so give its DNS name as host.)
    ssl: server.caCertificate === undefined ? false : { ca: server.caCertificate, rejectUnauthorized: true },
    application_name: 'Conference Recorder',
  };
}

/**
 * The server could not be reached (refused, reset, timed out, restarting): nothing was refused, so
 * a save may be kept on this computer and sent later (offline-store.ts). A conflict, a refusal
 * or a certificate problem is never this.
 */
export class ServerUnreachable extends ApiFailure {
  constructor() {
    super('INTERNAL', 'The team’s server cannot be reached just now. Nothing was lost; try again in a moment.');
  }
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * A PostgreSQL or network error, as a sentence a member can act on. Only codes are looked at:
 * a server's message may quote a value, and nothing here may repeat a record.
 */
export function plainFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === '28P01') return new ApiFailure('WRONG_PASSPHRASE', 'That login and passphrase do not match. Check both and try again.');
  if (code === '28000' || code === '42501') {
    return new ApiFailure('FORBIDDEN', 'The team’s server refused this: your role does not allow it, or you are no longer a member of the team. Nothing has been changed.');
  }
  if (code === '40001' || code === '23505') {
    return new ApiFailure('CONFLICT', 'This conference was changed by someone else since you opened it. Reload to see the latest version; your unsaved text is still on screen.');
  }
  const message = error instanceof Error ? error.message : '';
  if (TLS_CODES.has(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /does not support SSL/.test(message)) {
    return new ApiFailure('FORBIDDEN', 'The team’s server did not prove who it is (its certificate is expired, for another name, or not from the council’s CA). Nothing was sent; tell your team admin.');
  }
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P03', '08006', '08001'].includes(code) || /terminated|timeout|Connection/i.test(message)) {
    return new ServerUnreachable();
  }
  return new ApiFailure('INTERNAL', `The team’s server reported a problem (${code || 'no code'}). Nothing has been changed.`);
}
