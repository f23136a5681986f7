/**
 * The passphrase, from the environment (for scheduled jobs) or typed at a prompt that shows
 * nothing as it is typed. Never from an argument (see arguments.ts).
 */

export const PASSPHRASE_VARIABLE = 'CONFERENCE_RECORDER_PASSPHRASE';

export class NoPassphrase extends Error {}

export async function readPassphrase(env: NodeJS.ProcessEnv, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string> {
  const fromEnv = env[PASSPHRASE_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!input.isTTY || typeof input.setRawMode !== 'function') {
    throw new NoPassphrase(`No passphrase: set ${PASSPHRASE_VARIABLE}, or run the command in a terminal to be asked for it.`);
  }
  output.write('Passphrase (not shown): ');
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') {
            input.off('data', onData);
            output.write('\n');
            resolve(typed);
            return;
          }
          if (ch === '\u0003' || ch === '\u0004') {
            input.off('data', onData);
            output.write('\n');
            reject(new NoPassphrase('Stopped: no passphrase was entered.'));
            return;
          }
          if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
          else typed += ch;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
  }
}
