import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/**
 * A SCRAM-SHA-256 verifier, in the form PostgreSQL stores (`rolpassword`), made on the client.
 * `CREATE ROLE … PASSWORD '<verifier>'` stores it as it is, so the server never sees the password:
 * not the admin's one-time setup code, nor the password derived from a member's passphrase.
 * (RFC 5802 / RFC 7677; PostgreSQL's own default is 4096 iterations.) The passwords this app
 * makes are base64url, so SASLprep leaves them unchanged.
 */
export function scramVerifier(password: string, iterations = 4096): string {
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  salted.fill(0);
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
