import { DEFAULT_SETTINGS } from '../../../domain/api/contract';
import { describe, expect, it } from 'vitest';
import { createConference, expectFailure, FakeClock, openStore, PASSPHRASE } from './helpers';

describe('settings', () => {
  it('start at the defaults, change, and persist encrypted across a lock', async () => {
    const h = await openStore();
    expect(await h.ok('settings.get')).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 10 });
    expect(await h.ok('settings.update', { autoLockMinutes: 25 })).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 25 });
    await h.ok('vault.lock');
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(await h.ok('settings.get')).toEqual({ ...DEFAULT_SETTINGS, autoLockMinutes: 25 });
  });

  it('keep the council’s local rules, and refuse impossible ones without changing anything', async () => {
    const h = await openStore();
    const local = { ...DEFAULT_SETTINGS.local, quorum: { ...DEFAULT_SETTINGS.local.quorum, minOtherAgencies: 3 } };
    await h.ok('settings.update', { local });
    await expectFailure(h.call('settings.update', { local: { ...local, extraNonWorkingDays: ['2026-02-29'] } }), 'INVALID_INPUT');
    await h.ok('vault.lock');
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    expect(await h.ok('settings.get')).toEqual({ ...DEFAULT_SETTINGS, local });
  });
});

describe('auto-lock', () => {
  it('locks after the set minutes without use and says so in a sentence', async () => {
    const clock = new FakeClock();
    const h = await openStore({ now: clock.now });
    await h.ok('settings.update', { autoLockMinutes: 5 });
    const record = await createConference(h);
    clock.advanceMinutes(4);
    await h.ok('conferences.get', { id: record.id }); // use resets the clock
    clock.advanceMinutes(4);
    await h.ok('conferences.list');
    clock.advanceMinutes(5);
    const message = await expectFailure(h.call('conferences.get', { id: record.id }), 'LOCKED');
    expect(message).toBe(
      'The app locked itself after 5 minutes without use. Enter your passphrase to carry on; everything saved before then is safe.',
    );
    expect(await h.ok('vault.status')).toEqual({ state: 'locked' });
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    await h.ok('conferences.get', { id: record.id });
  });

  it('is not kept awake by status checks, which report the lock once it is due', async () => {
    const clock = new FakeClock();
    const h = await openStore({ now: clock.now });
    await h.ok('settings.update', { autoLockMinutes: 1 });
    clock.advanceMinutes(0.5);
    expect(await h.ok('vault.status')).toEqual({ state: 'unlocked' });
    clock.advanceMinutes(0.6);
    expect(await h.ok('vault.status')).toEqual({ state: 'locked' });
    expect(await expectFailure(h.call('conferences.list'), 'LOCKED')).toMatch(/after 1 minute without use/);
  });

  it('never locks when set to 0', async () => {
    const clock = new FakeClock();
    const h = await openStore({ now: clock.now });
    await h.ok('settings.update', { autoLockMinutes: 0 });
    clock.advanceMinutes(24 * 60);
    await h.ok('conferences.list');
  });

  it('uses the ordinary locked message after a deliberate lock', async () => {
    const h = await openStore();
    await h.ok('vault.lock');
    expect(await expectFailure(h.call('conferences.list'), 'LOCKED')).not.toMatch(/without use/);
  });
});
