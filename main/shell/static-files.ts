import { realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; path: string; size: number }
  | { kind: 'bad-request' }
  | { kind: 'not-found' };

/**
 * Maps a URL path to a file inside rendererDir, refusing anything that would leave it:
 * `..` segments (raw or percent-encoded), NUL bytes, backslashes and symlinks pointing outside.
 */
export async function resolveStaticFile(rendererDir: string, urlPath: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-request' };
  if (decoded.split('/').includes('..')) return { kind: 'bad-request' };

  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(rendererDir);
  const candidate = resolve(root, relative);
  if (candidate !== root && !candidate.startsWith(root + sep)) return { kind: 'bad-request' };

  try {
    const [realRoot, realCandidate] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!realCandidate.startsWith(realRoot + sep)) return { kind: 'not-found' };
    const info = await stat(realCandidate);
    if (!info.isFile()) return { kind: 'not-found' };
    return { kind: 'file', path: realCandidate, size: info.size };
  } catch {
    return { kind: 'not-found' };
  }
}
