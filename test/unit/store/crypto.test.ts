import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalJson } from '../../../main/services/store/canonical';
import { DecryptError, newDataKey, open, openJson, seal, sealJson } from '../../../main/services/store/crypto';

describe('the encryption envelope', () => {
  const key = newDataKey();
  const text = Buffer.from('Danger statement drafted for the Penhallow household', 'utf8');

  it('round-trips and never contains the plaintext', () => {
    const sealed = seal(key, text, 'conference:a');
    expect(sealed.includes(Buffer.from('Penhallow'))).toBe(false);
    expect(open(key, sealed, 'conference:a').equals(text)).toBe(true);
  });

  it('uses a fresh IV for every write, so equal plaintexts do not look equal on disk', () => {
    expect(seal(key, text, 'settings').equals(seal(key, text, 'settings'))).toBe(false);
  });

  it('refuses another role: one conference file cannot stand in for another', () => {
    expect(() => open(key, seal(key, text, 'conference:a'), 'conference:b')).toThrow(DecryptError);
  });

  it('refuses the wrong key, a changed byte, and a truncated file', () => {
    const sealed = seal(key, text, 'index');
    expect(() => open(newDataKey(), sealed, 'index')).toThrow(DecryptError);
    for (let at = 0; at < sealed.length; at += 7) {
      const altered = Buffer.from(sealed);
      altered[at] = (altered[at] ?? 0) ^ 0x80;
      expect(() => open(key, altered, 'index')).toThrow(DecryptError);
    }
    expect(() => open(key, sealed.subarray(0, sealed.length - 1), 'index')).toThrow(DecryptError);
    expect(() => open(key, sealed.subarray(0, 10), 'index')).toThrow(DecryptError);
  });

  it('carries JSON', () => {
    const value = { name: 'Maya', items: [1, 2, { deep: true }] };
    expect(openJson(key, sealJson(key, value, 'r'), 'r')).toEqual(value);
  });

  it('carries any name as ASCII JSON, and still opens what was sealed as UTF-8 JSON before', () => {
    const value = { name: 'Zoë O’Brien-Łukasiewicz 👶🏽', rtl: 'مريم الحسن', markup: '<b>&amp;</b>' };
    const sealed = sealJson(key, value, 'r');
    expect(open(key, sealed, 'r').every((byte) => byte < 0x80)).toBe(true);
    expect(openJson(key, sealed, 'r')).toEqual(value);
    const older = seal(key, Buffer.from(JSON.stringify(value), 'utf8'), 'r');
    expect(openJson(key, older, 'r')).toEqual(value);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth, so key order never changes a hash', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalHash({ x: 1, y: 2 })).toBe(canonicalHash({ y: 2, x: 1 }));
    expect(canonicalHash({ x: 1 })).not.toBe(canonicalHash({ x: 2 }));
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalHash([1, 2])).not.toBe(canonicalHash([2, 1]));
  });
});
