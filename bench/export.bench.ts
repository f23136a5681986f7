import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { whitfieldRecord } from '../main/demo/scenarios';
import { renderDocx } from '../main/services/export/docx';
import { renderPdf } from '../main/services/export/pdf';
import { fullMinutes } from '../templates/layouts';
import { machineLoad, ms, percentiles, verdict } from './lib/stats';
import { withTempDir } from './lib/temp';

/**
 * Export benchmark: the Whitfield full minutes (17 pages), median of warm runs, as DOCX and
 * as PDF, including laying out the record into the document model each time. In the same
 * run, LibreOffice converts the same DOCX to PDF — the obvious alternative PDF path — so the
 * ratio is measured on the same machine under the same load.
 * Targets: DOCX ≤ 150 ms, PDF ≤ 300 ms, our PDF at least 3× faster than LibreOffice.
 */

// "Warm" as in a running app: V8 needs a handful of runs before pdfmake's code is optimised.
const WARM_UP = 5;
const RUNS = 11;
const LIBREOFFICE_RUNS = 3;

/** Median wall-clock time of warm runs, and the median CPU time this process spent (less distorted on a busy machine). */
async function medianOf(task: () => Promise<unknown>, runs = RUNS, warmUp = WARM_UP): Promise<number> {
  return (await measured(task, runs, warmUp)).wall;
}

async function measured(task: () => Promise<unknown>, runs = RUNS, warmUp = WARM_UP): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < warmUp; i += 1) await task();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    await task();
    const used = process.cpuUsage(cpuStart);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: percentiles(wall).p50, cpu: percentiles(cpu).p50 };
}

export async function run(): Promise<void> {
  const record = whitfieldRecord();
  const docx = await measured(async () => renderDocx(fullMinutes(record)));
  const pdf = await measured(async () => renderPdf(fullMinutes(record)));
  const docxMs = docx.wall;
  const pdfMs = pdf.wall;
  console.log(`  Whitfield full minutes as DOCX: median ${ms(docxMs)} (CPU ${ms(docx.cpu)}) (target ≤ 150 ms: ${verdict(docxMs <= 150)})`);
  console.log(`  Whitfield full minutes as PDF:  median ${ms(pdfMs)} (CPU ${ms(pdf.cpu)}) (target ≤ 300 ms: ${verdict(pdfMs <= 300)})`);

  await withTempDir('export', async (dir) => {
    const docx = join(dir, 'minutes.docx');
    writeFileSync(docx, await renderDocx(fullMinutes(record)));
    const convert = () => {
      // A fresh process each time, as an export would start one; the profile folder is kept warm after the first run.
      const result = spawnSync(
        'soffice',
        ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', 'pdf', '--outdir', dir, docx],
        { encoding: 'utf8', timeout: 300_000 },
      );
      if (result.error || result.status !== 0) throw new Error(`LibreOffice could not convert the DOCX (${result.error?.name ?? `exit ${result.status}`}).`);
    };
    try {
      convert(); // creates the profile: the one warm-up LibreOffice gets
    } catch (error) {
      console.log(`  LibreOffice: not measured — ${(error as Error).message} Install libreoffice-writer-nogui.`);
      return;
    }
    const loMs = await medianOf(async () => convert(), LIBREOFFICE_RUNS, 0);
    const ratio = loMs / pdfMs;
    console.log(`  LibreOffice converting the same DOCX to PDF: median ${ms(loMs)}`);
    console.log(`  our PDF is ${ratio.toFixed(1)}× faster than LibreOffice (target ≥ 3×: ${verdict(ratio >= 3)})`);
  });
  console.log(`  ${machineLoad(loadavg()[0] ?? 0, cpus().length)}`);
}
