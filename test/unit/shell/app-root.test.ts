import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composeApp, dataDirFor, storeOptionsFor, type AppRoot } from '../../../main/app-root';
import { FileHeadAnchor } from '../../../main/services/store/store-head';

/** The composition root both entry points use: the same settings mean the same store. */

const opened: AppRoot[] = [];
const folders: string[] = [];

afterEach(async () => {
  for (const root of opened.splice(0)) await root.close();
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('composeApp', () => {
  it('opens the chair\'s records folder and says nothing about a demo', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cpc-root-'));
    folders.push(dataDir);
    const root = await composeApp({ env: { CPC_DATA_DIR: dataDir }, platform: 'linux', homedir: '/home/chair' });
    opened.push(root);
    expect(root.dataDir).toBe(dataDir);
    expect(root.demo).toBeNull();
    expect(await root.handlers['vault.status']({})).toEqual({ state: 'new' });
  });

  it('opens a throwaway demo store whose status names the demo and its passphrase, and removes it on close', async () => {
    const root = await composeApp({
      env: { CPC_DEMO: '1', CPC_DATA_DIR: '/nonexistent/real-records' },
      platform: 'linux',
      homedir: '/home/chair',
    });
    expect(root.dataDir).toContain('conference-recorder-demo-');
    expect(await root.handlers['vault.status']({})).toEqual({
      state: 'locked',
      demo: { passphrase: 'fictional demo data only' },
    });
    await root.handlers['vault.unlock']({ passphrase: 'fictional demo data only' });
    expect((await root.handlers['conferences.list']({})).conferences).toHaveLength(3);
    await root.close();
    expect(existsSync(root.dataDir)).toBe(false);
    expect(existsSync('/nonexistent/real-records')).toBe(false);
  }, 30_000);

  it('finds the same records folder from Electron\'s userData as the shell derives itself', () => {
    const shell = dataDirFor({ env: {}, platform: 'linux', homedir: '/home/chair' });
    const electron = dataDirFor({ env: {}, platform: 'linux', homedir: '/home/chair', userDataDir: '/home/chair/.config/Conference Recorder' });
    expect(electron).toBe(shell);
    expect(dataDirFor({ env: { CPC_DATA_DIR: '/srv/records' }, platform: 'linux', homedir: '/x', userDataDir: '/y' })).toBe('/srv/records');
  });
});

describe('the store head anchor', () => {
  it('keeps the chair\'s store head outside the records folder, so an older copy of the folder put back is noticed', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cpc-root-records-'));
    const headDir = await mkdtemp(join(tmpdir(), 'cpc-root-head-'));
    folders.push(dataDir, headDir);
    const root = await composeApp({ env: { CPC_DATA_DIR: dataDir, CPC_HEAD_DIR: headDir }, platform: 'linux', homedir: '/home/chair' });
    opened.push(root);
    await root.handlers['vault.create']({ passphrase: 'violet tractor harbour pebble 47' });
    await expect.poll(() => readdirSync(headDir).length).toBe(1);
  });

  it('under Electron, uses the app\'s per-user folder, not the records folder', () => {
    const options = storeOptionsFor('/home/chair/.config/Conference Recorder/records', {
      env: {},
      platform: 'linux',
      homedir: '/home/chair',
      userDataDir: '/home/chair/.config/Conference Recorder',
    });
    expect(options.headAnchor).toBeInstanceOf(FileHeadAnchor);
    const path = (options.headAnchor as FileHeadAnchor).path;
    expect(path.startsWith('/home/chair/.config/Conference Recorder/store-head/')).toBe(true);
  });

  it('leaves nothing of the demo\'s throwaway store in the chair\'s folders', () => {
    expect(storeOptionsFor('/tmp/demo', { env: {}, platform: 'linux', homedir: '/home/chair' }, { anchored: false }).headAnchor).toBeUndefined();
  });
});
