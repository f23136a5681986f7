import { run } from './run';

/** Entry point of the `conference-recorder` command (bin/conference-recorder.mjs loads this, built or from source). */
const code = await run(process.argv.slice(2), { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
process.exitCode = code;
