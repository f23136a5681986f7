/**
 * A progress bar on stderr, so stdout stays clean for scripts. In a terminal the bar redraws
 * on one line; otherwise (a log, a pipe) each step is a line of its own. It names the step by
 * document and format only — never a family's name, which could end up in a job's log.
 */
export class ProgressBar {
  #done = 0;
  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
    private readonly width = 24,
  ) {}

  step(label: string): void {
    this.#done += 1;
    const filled = this.total === 0 ? this.width : Math.round((this.#done / this.total) * this.width);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ${this.#done}/${this.total} ${label}`;
    if (this.stream.isTTY) this.stream.write(`\r\u001b[2K${line}${this.#done === this.total ? '\n' : ''}`);
    else this.stream.write(`${line}\n`);
  }
}
