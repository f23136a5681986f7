import type { SignedVersionView } from '../../../domain/signoff/schemas';

const WHEN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** '15 January 2026 at 16:20', UK time, as the documents print it. */
export function signedWhen(iso: string): string {
  const parts = Object.fromEntries(WHEN.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts['day']} ${parts['month']} ${parts['year']} at ${parts['hour']}:${parts['minute']}`;
}

export function signedSentence(version: SignedVersionView): string {
  return `Signed as version ${version.version} by ${version.signer.name} at ${signedWhen(version.signedAt)}, verification code ${version.verificationCode}.`;
}
