#!/usr/bin/env node
// The `conference-recorder` command: `npx conference-recorder export …` / `verify FILE`.
// It runs the build (`npm run build` writes out/main/cli.js with the app). In a source checkout
// without a build, or with CONFERENCE_RECORDER_FROM_SOURCE=1 (the tests, so they never run a
// stale build), it runs the TypeScript through tsx, a dev dependency.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'out', 'main', 'cli.js');
const fromSource = process.env.CONFERENCE_RECORDER_FROM_SOURCE === '1' || !existsSync(built);

if (!fromSource) {
  await import(pathToFileURL(built).href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('conference-recorder has not been built: run `npm run build` in the app folder first.\n');
    process.exit(3);
  }
  register();
  await import(pathToFileURL(join(root, 'main', 'cli', 'index.ts')).href);
}
