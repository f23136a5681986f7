#!/usr/bin/env node
// `team …` commands for a council's team store (main/cli/team.ts). Runs the TypeScript through
// tsx, as `npm run bench` does; the packaged app will carry a built copy instead.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'main/cli/team.ts'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: process.cwd() });
process.exit(result.status ?? 1);
