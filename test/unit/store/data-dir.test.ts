import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../main/services/data-dir';

describe('the data folder', () => {
  it('is CPC_DATA_DIR when set, on every platform', () => {
    expect(resolveDataDir({ CPC_DATA_DIR: '/srv/fictional' }, 'linux', '/home/chair')).toBe('/srv/fictional');
    expect(resolveDataDir({ CPC_DATA_DIR: 'D:\\Records' }, 'win32', 'C:\\Users\\chair')).toBe('D:\\Records');
  });

  it('follows XDG on Linux, ignoring a relative XDG_DATA_HOME', () => {
    expect(resolveDataDir({}, 'linux', '/home/chair')).toBe('/home/chair/.local/share/conference-recorder');
    expect(resolveDataDir({ XDG_DATA_HOME: '/data/chair' }, 'linux', '/home/chair')).toBe('/data/chair/conference-recorder');
    expect(resolveDataDir({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/chair')).toBe('/home/chair/.local/share/conference-recorder');
    expect(resolveDataDir({ CPC_DATA_DIR: '  ' }, 'linux', '/home/chair')).toBe('/home/chair/.local/share/conference-recorder');
  });

  it('uses Application Support on macOS and APPDATA on Windows', () => {
    expect(resolveDataDir({}, 'darwin', '/Users/chair')).toBe('/Users/chair/Library/Application Support/Conference Recorder');
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\chair\\AppData\\Roaming' }, 'win32', 'C:\\Users\\chair')).toBe(
      'C:\\Users\\chair\\AppData\\Roaming\\Conference Recorder',
    );
    expect(resolveDataDir({}, 'win32', 'C:\\Users\\chair')).toBe('C:\\Users\\chair\\AppData\\Roaming\\Conference Recorder');
  });
});
