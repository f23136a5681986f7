import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Fresh random secrets: the one-use launch code and the session secret are each 32 random bytes,
 * URL-safe (the launch code travels in the launch link; the session secret never does).
 */
export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison. Both sides are hashed first so that neither the content nor the
 * length of the expected secret leaks through timing (timingSafeEqual needs equal lengths).
 */
export function tokensMatch(expected: string, presented: string | undefined): boolean {
  if (presented === undefined || presented === '') return false;
  const a = createHash('sha256').update(expected, 'utf8').digest();
  const b = createHash('sha256').update(presented, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** A secret given from outside (tests only) must still be long enough to be unguessable. */
export function isAcceptableToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{32,256}$/.test(token);
}
