import { describe, expect, it } from 'vitest';
import { recordsFolderIn, resolveDataDir } from '../../../main/services/data-dir';

describe('the data folder', () => {
  it('is CPC_DATA_DIR when set, on every platform', () => {
    expect(resolveDataDir({ CPC_DATA_DIR: '/srv/fictional' }, 'linux', '/home/chair')).toBe('/srv/fictional');
    expect(resolveDataDir({ CPC_DATA_DIR: 'D:\\Records' }, 'win32', 'C:\\Users\\chair')).toBe('D:\\Records');
  });

  it('is the records folder inside the same per-user folder Electron uses on Linux, ignoring a relative XDG_CONFIG_HOME', () => {
    expect(resolveDataDir({}, 'linux', '/home/chair')).toBe('/home/chair/.config/Conference Recorder/records');
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/cfg/chair' }, 'linux', '/home/chair')).toBe('/cfg/chair/Conference Recorder/records');
    expect(resolveDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/chair')).toBe('/home/chair/.config/Conference Recorder/records');
    expect(resolveDataDir({ CPC_DATA_DIR: '  ' }, 'linux', '/home/chair')).toBe('/home/chair/.config/Conference Recorder/records');
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(resolveDataDir({}, 'darwin', '/Users/chair')).toBe('/Users/chair/Library/Application Support/Conference Recorder/records');
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\chair\\AppData\\Roaming' }, 'win32', 'C:\\Users\\chair')).toBe(
      'C:\\Users\\chair\\AppData\\Roaming\\Conference Recorder\\records',
    );
    expect(resolveDataDir({}, 'win32', 'C:\\Users\\chair')).toBe('C:\\Users\\chair\\AppData\\Roaming\\Conference Recorder\\records');
  });

  it('puts Electron’s records in the same place, apart from Chromium’s files', () => {
    expect(recordsFolderIn('/home/chair/.config/Conference Recorder')).toBe(resolveDataDir({}, 'linux', '/home/chair'));
    expect(recordsFolderIn('C:\\Users\\chair\\AppData\\Roaming\\Conference Recorder')).toBe(
      resolveDataDir({}, 'win32', 'C:\\Users\\chair'),
    );
  });
});
