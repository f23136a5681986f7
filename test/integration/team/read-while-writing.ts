/**
 * Reads a colleague's conference over and over while another member writes to it, for the tests
 * that reads never raise a false alarm (a tamper report, a judgement "missing") when a write lands
 * between the statements of one read. `read` returns the alarms one read raised; `write` runs
 * the writes one after another. A failing write fails the test (awaited at the end).
 */
export async function readWhileWriting(write: () => Promise<void>, read: () => Promise<string[]>): Promise<{ reads: number; alarms: string[] }> {
  let writing = true;
  const writer = write().finally(() => {
    writing = false;
  });
  writer.catch(() => undefined); // awaited below; a failure is reported there
  const alarms: string[] = [];
  let reads = 0;
  while (writing) {
    alarms.push(...(await read()));
    reads += 1;
  }
  await writer;
  return { reads, alarms };
}
