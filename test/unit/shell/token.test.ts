import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin } from '../../../main/shell/request-guard';
import { isAcceptableToken, tokensMatch } from '../../../main/shell/token';

describe('tokensMatch', () => {
  const token = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
  it('accepts only the exact token', () => {
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(token, token.toLowerCase())).toBe(false);
    expect(tokensMatch(token, `${token}x`)).toBe(false);
    expect(tokensMatch(token, token.slice(1))).toBe(false);
    expect(tokensMatch(token, '')).toBe(false);
    expect(tokensMatch(token, undefined)).toBe(false);
  });
  it('rejects tokens that are short or not URL-safe', () => {
    expect(isAcceptableToken('a'.repeat(31))).toBe(false);
    expect(isAcceptableToken(`${'a'.repeat(32)};x`)).toBe(false);
    expect(isAcceptableToken('a'.repeat(43))).toBe(true);
  });
});

describe('request guards', () => {
  it('matches hosts and origins exactly, including the port', () => {
    expect(isAllowedHost('LOCALHOST:8080', 8080)).toBe(true);
    expect(isAllowedHost('127.0.0.1', 8080)).toBe(false);
    expect(isAllowedHost(undefined, 8080)).toBe(false);
    expect(isAllowedOrigin('http://localhost:8080', 8080)).toBe(true);
    expect(isAllowedOrigin('https://127.0.0.1:8080', 8080)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:8080.evil.example', 8080)).toBe(false);
  });
});
