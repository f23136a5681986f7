import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';

/**
 * The one resolver from a URL path to a built renderer file, for both the Electron app:// protocol
 * (main/app-protocol.ts) and the browser shell (main/shell/server.ts). Plain Node, no Electron.
 */

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; path: string; size: number }
  | { kind: 'bad-request' }
  | { kind: 'not-found' };

/** True when `target` is `root` itself or lies inside it (never `..`, never another drive). */
function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Maps a URL path (still percent-encoded, as in `new URL(…).pathname`) to a regular file strictly
 * inside rootDir. Refused: malformed escapes, NUL bytes and backslashes (separators on Windows);
 * `..` segments, raw or encoded; and — checked on the real path, after every symlink is followed —
 * anything that lands outside the folder, so a symlink inside it cannot lead out.
 */
export async function resolveStaticFile(rootDir: string, urlPath: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'bad-request' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad-request' };
  if (decoded.split('/').includes('..')) return { kind: 'bad-request' };

  const relativePath = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const candidate = resolve(root, relativePath);
  if (!isInside(root, candidate) || candidate === root) return { kind: 'bad-request' };

  try {
    const [realRoot, realCandidate] = await Promise.all([realpath(root), realpath(candidate)]);
    if (realCandidate === realRoot || !isInside(realRoot, realCandidate)) return { kind: 'not-found' };
    const info = await stat(realCandidate);
    if (!info.isFile()) return { kind: 'not-found' };
    return { kind: 'file', path: realCandidate, size: info.size };
  } catch {
    // Missing or unreadable: the same answer, and no path in it.
    return { kind: 'not-found' };
  }
}
