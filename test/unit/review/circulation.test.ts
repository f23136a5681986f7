import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCAL_SETTINGS, LocalSettingsSchema } from '../../../domain/rules/local-settings';
import { commentsDueOn, finalReadiness, minutesDue, recipientStatus, reviewDueDates } from '../../../domain/review/circulation';
import type { Recipient, ReturnedCopy, ReviewItem } from '../../../domain/review/schemas';

// Dates worked by hand on a calendar (England and Wales bank holidays).
const recipient = (over: Partial<Recipient> = {}): Recipient => ({
  id: '0b7a4c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b',
  name: 'PC Ryan Holt',
  organisation: 'Police',
  email: 'ryan.holt@police.example.gov.uk',
  document: 'full-minutes',
  sentOn: '2026-02-19',
  draftVersion: 1,
  dueOn: '2026-03-05',
  noCommentsOn: null,
  ...over,
});

const item = (decided: boolean): ReviewItem => ({
  id: 'c-1',
  kind: 'comment',
  author: 'PC Ryan Holt',
  date: null,
  paragraphId: 's3_p2',
  section: 'Agency contributions',
  before: 'x',
  after: 'x',
  text: 'x',
  placement: null,
  decision: decided ? { status: 'declined', reason: 'As said at the conference.', at: '2026-03-02T10:00:00Z', applied: false } : null,
});

const returned = (items: ReviewItem[]): ReturnedCopy => ({
  id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  recipientId: recipient().id,
  fileHash: 'a'.repeat(64),
  importedAt: '2026-03-02T09:00:00Z',
  identifier: 'verified',
  items,
});

describe('due dates', () => {
  it('comments are due 10 working days after the copy is sent: Thu 19/02/2026 → Thu 05/03/2026', () => {
    expect(commentsDueOn('2026-02-19', DEFAULT_LOCAL_SETTINGS)).toBe('2026-03-05');
  });

  it('Easter does not count: sent Wed 25/03/2026, due Fri 10/04/2026 (Good Friday and Easter Monday skipped)', () => {
    expect(commentsDueOn('2026-03-25', DEFAULT_LOCAL_SETTINGS)).toBe('2026-04-10');
  });

  it('follows the local setting: 5 working days from Thu 19/02/2026 is Thu 26/02/2026', () => {
    const settings = LocalSettingsSchema.parse({ timescales: { accuracyCommentsWorkingDays: 5 } });
    expect(commentsDueOn('2026-02-19', settings)).toBe('2026-02-26');
  });

  it('the draft minutes of the Osei conference (Tue 03/02/2026) are due 15 working days later, Tue 24/02/2026', () => {
    const due = minutesDue('2026-02-03', DEFAULT_LOCAL_SETTINGS, null, '2026-02-10');
    expect(due.dueOn).toBe('2026-02-24');
    expect(due.late).toBe(false);
    expect(due.sentence).toBe('The draft minutes are due by 24/02/2026 (15 working days after the conference on 03/02/2026).');
  });

  it('says when the draft went out late, and when it is overdue before it goes', () => {
    expect(minutesDue('2026-02-03', DEFAULT_LOCAL_SETTINGS, '2026-02-25', '2026-02-25').sentence).toBe(
      'The draft minutes were sent on 25/02/2026, after they were due on 24/02/2026 (15 working days after the conference on 03/02/2026).',
    );
    expect(minutesDue('2026-02-03', DEFAULT_LOCAL_SETTINGS, '2026-02-24', '2026-03-01').late).toBe(false);
    const overdue = minutesDue('2026-02-03', DEFAULT_LOCAL_SETTINGS, null, '2026-02-25');
    expect(overdue.late).toBe(true);
    expect(overdue.sentence).toBe('The draft minutes are overdue: they were due by 24/02/2026 (15 working days after the conference on 03/02/2026).');
  });
});

describe('where each agency stands', () => {
  it('is waiting on the due day itself and overdue the day after', () => {
    expect(recipientStatus(recipient(), [], '2026-03-05')).toBe('sent');
    expect(recipientStatus(recipient(), [], '2026-03-06')).toBe('overdue');
  });

  it('no comments, comments received, answered', () => {
    expect(recipientStatus(recipient({ noCommentsOn: '2026-02-27' }), [], '2026-03-09')).toBe('no-comments');
    expect(recipientStatus(recipient(), [returned([item(false), item(true)])], '2026-03-09')).toBe('comments-received');
    expect(recipientStatus(recipient(), [returned([item(true)])], '2026-03-02')).toBe('answered');
    expect(recipientStatus(recipient(), [returned([])], '2026-03-02')).toBe('no-comments');
  });

  it('the final minutes wait for an agency still in time or with comments undecided, but not for one overdue', () => {
    const police = recipient();
    const health = recipient({ id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', name: 'Dr Ruth Ellis', organisation: 'CAMHS' });
    const open = finalReadiness([police, health], [returned([item(false)])], '2026-03-04');
    expect(open.ready).toBe(false);
    expect(open.waiting).toEqual([
      'Police (PC Ryan Holt): 1 comment or change still to accept or decline.',
      'CAMHS (Dr Ruth Ellis): comments are due by 05/03/2026.',
    ]);
    expect(finalReadiness([police, health], [returned([item(true)])], '2026-03-06')).toEqual({ ready: true, waiting: [] });
  });
});

describe('a newer draft supersedes the copies of an older one', () => {
  const police = recipient();
  const health = recipient({ id: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', name: 'Dr Ruth Ellis', organisation: 'CAMHS' });

  it('an agency sent draft 1 is superseded once draft 2 is approved: neither overdue nor waited for', () => {
    // Draft 1 went to both on 19/02/2026; CAMHS is overdue on 06/03/2026 while draft 1 is the latest…
    expect(recipientStatus(health, [], '2026-03-06', 1)).toBe('overdue');
    // …but once draft 2 is approved it is superseded, and the final minutes wait for draft 2's circulation instead.
    expect(recipientStatus(health, [], '2026-03-06', 2)).toBe('superseded');
    expect(recipientStatus(police, [returned([item(false)])], '2026-03-06', 2)).toBe('superseded');
    expect(finalReadiness([police, health], [returned([item(false)])], '2026-03-04', 2)).toEqual({
      ready: false,
      waiting: ['Draft 2 has not been sent to any agency yet: send it to the agencies that had the earlier draft.'],
    });
    // An agency that had already answered keeps its answer.
    expect(recipientStatus(police, [returned([item(true)])], '2026-03-06', 2)).toBe('answered');
  });

  it('once draft 2 is re-circulated, only its recipients hold the final minutes up', () => {
    const again = recipient({ id: '5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c', draftVersion: 2, sentOn: '2026-03-09', dueOn: '2026-03-23' });
    expect(finalReadiness([police, health, again], [], '2026-03-10', 2)).toEqual({ ready: false, waiting: ['Police (PC Ryan Holt): comments are due by 23/03/2026.'] });
    expect(finalReadiness([police, health, again], [], '2026-03-24', 2)).toEqual({ ready: true, waiting: [] });
  });

  it('the list counts only agencies sent the latest draft that still owe comments', () => {
    const again = recipient({ id: '5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c', draftVersion: 2, sentOn: '2026-03-09', dueOn: '2026-03-23' });
    expect(reviewDueDates([police, health], [], 1)).toEqual({ firstSentOn: '2026-02-19', commentsDueOn: ['2026-03-05', '2026-03-05'] });
    expect(reviewDueDates([police, health, again], [], 2)).toEqual({ firstSentOn: '2026-02-19', commentsDueOn: ['2026-03-23'] });
    // Replied with no comments, or returned a file: no longer owing.
    expect(reviewDueDates([police, { ...health, noCommentsOn: '2026-02-27' }], [returned([item(false)])], 1)).toEqual({ firstSentOn: '2026-02-19', commentsDueOn: [] });
  });
});
