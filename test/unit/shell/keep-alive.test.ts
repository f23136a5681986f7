import { Agent, request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startShellServer, type ShellServer } from '../../../main/shell/server';
import { createMemoryHandlers } from './memory-handlers';

/**
 * One way a request to the shell fails although nothing is wrong with it.
 *
 * Node's HTTP server closes a kept-alive connection after about 6 s without a request
 * (keepAliveTimeout 5 s, checked on a 1 s grain). Chromium keeps such connections for up to
 * 5 minutes and reuses one for the next save. A save sent on a connection the server is closing
 * at that instant is reset. Reproduced with node:http: a request sent 6,000 ms after the
 * previous one failed with ECONNRESET on the reused socket. Chromium resends a request that
 * fails this way on a reused connection, but only twice, so several connections closing
 * together (they were opened together at page load) can still surface as "not responding";
 * in 22 probes around the 6 s mark, idle and with two busy processes beside it, Chromium did
 * not fail. The cure is at the root all the same: the shell keeps idle connections open longer
 * than the browser does, so the browser is always the side that closes them.
 *
 * This test waits 6.5 s of real time (a socket's idle timer cannot be faked): it is the
 * shortest pause that shows the server would have closed the connection.
 */

const TOKEN = 'unit-test-token-0123456789abcdefghijklmnopqrstuvwxyz';
const IDLE_PAST_NODE_DEFAULT_MS = 6_500;

let root: string;
let shell: ShellServer;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cpc-shell-keepalive-'));
  const rendererDir = join(root, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>App</title>');
  shell = await startShellServer({ handlers: createMemoryHandlers(), rendererDir, sessionSecret: TOKEN });
});

afterEach(async () => {
  await shell.close();
  await rm(root, { recursive: true, force: true });
});

/** Any answer will do (401 without a session): what matters is the connection it travels on. */
function get(agent: Agent): Promise<{ status: number; reusedSocket: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: shell.port, path: '/', agent, headers: { host: `127.0.0.1:${shell.port}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reusedSocket: req.reusedSocket }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the shell keeps idle connections open for the browser to reuse', () => {
  it(
    'answers a request sent after a six-second pause on the same connection, as Chromium sends it',
    async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const first = await get(agent);
        expect(first.reusedSocket).toBe(false);
        let closedByServer = false;
        for (const sockets of Object.values(agent.freeSockets)) {
          for (const socket of sockets ?? []) socket.once('close', () => (closedByServer = true));
        }
        await new Promise((resolve) => setTimeout(resolve, IDLE_PAST_NODE_DEFAULT_MS));
        expect(closedByServer, 'the server closed an idle connection the browser may reuse at any moment').toBe(false);
        const second = await get(agent);
        expect(second.status).toBe(first.status);
        expect(second.reusedSocket).toBe(true);
      } finally {
        agent.destroy();
      }
    },
    IDLE_PAST_NODE_DEFAULT_MS + 10_000,
  );
});
