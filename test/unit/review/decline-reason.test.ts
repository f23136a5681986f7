import { describe, expect, it } from 'vitest';
import { declineReasonProblem, MIN_DECLINE_REASON_WORDS } from '../../../domain/review/decline-reason';

describe('a declined correction needs a real reason (it goes in the letter to the agency)', () => {
  it.each(['no', 'n/a', 'N/A', 'declined', 'see above', 'Declined – see above.', 'Not accepted, as per above', '  ', 'no no no no no'])('refuses “%s”', (reason) => {
    expect(declineReasonProblem(reason)).not.toBeNull();
  });

  it('says why in plain words, quoting what was typed', () => {
    expect(declineReasonProblem('see above')).toBe(
      `“see above” does not tell the agency why. Say in at least ${MIN_DECLINE_REASON_WORDS} words why the minutes stay as they are (for example, what the conference heard): it goes in the letter to them.`,
    );
    expect(declineReasonProblem('')).toBe('Give a reason for declining: it goes in the letter to the agency.');
  });

  it.each([
    'The knife was not mentioned at the conference; it can go in the next review.',
    'This is what the police officer said at the meeting.',
    'The minutes record what was said on the day.',
  ])('accepts a plain sentence: “%s”', (reason) => {
    expect(declineReasonProblem(reason)).toBeNull();
  });
});
