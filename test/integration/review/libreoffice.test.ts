import { describe, expect, it } from 'vitest';
import type { ReviewState } from '../../../domain/review/state';
import { CHAIR } from '../signoff/ready';
import { FakeClock, openStore } from '../../unit/store/helpers';
import { editWithLibreOffice } from './libreoffice';
import { enterScenario, POLICE, send } from './osei-review';

describe('a review copy edited in LibreOffice', () => {
  it('its comment and tracked change come back on the right paragraphs, with their authors', { timeout: 240_000 }, async () => {
    const clock = new FakeClock(Date.parse('2026-02-19T10:00:00Z'));
    const h = await openStore({ now: clock.now });
    await h.ok('settings.update', { autoLockMinutes: 0 });
    await h.ok('profile.set', CHAIR);
    const entered = await enterScenario(h);
    await h.ok('review.approveDraft', { id: entered.id, baseRevision: entered.revision });
    const police = await send(h, entered.id, POLICE);
    const edited = await editWithLibreOffice(police.copy, {
      user: { given: 'Ryan', surname: 'Holt' },
      comment: { on: 'Daniel is at serious risk of violence', author: 'PC Ryan Holt', text: 'Please add the knife found in November.' },
      replace: { from: 'found 40 miles from home carrying cash', to: 'found 35 miles from home carrying cash' },
    });
    const { state } = await h.ok<{ state: ReviewState }>('review.import', { id: entered.id, recipientId: police.recipient.id, base64: edited.toString('base64') });
    const back = state.returns[0]!;
    // LibreOffice keeps the custom properties, so the copy is recognised.
    expect(back.identifier).toBe('verified');
    const comment = back.items.find((i) => i.kind === 'comment');
    expect(comment).toMatchObject({ author: 'PC Ryan Holt', section: 'Agency contributions', text: 'Please add the knife found in November.', placement: null });
    expect(comment?.before).toContain('Daniel is at serious risk of violence');
    const change = back.items.find((i) => i.kind === 'tracked-change');
    expect(change).toMatchObject({ author: 'Ryan Holt', section: 'Agency contributions', placement: null });
    expect(change?.before).toContain('Daniel was found 40 miles from home carrying cash');
    expect(change?.after).toContain('Daniel was found 35 miles from home carrying cash');
    // Nothing else: LibreOffice's rewrite of the file is not mistaken for edits.
    expect(back.items.map((i) => i.kind).sort()).toEqual(['comment', 'tracked-change']);
  });
});
