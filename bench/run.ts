/**
 * `npm run bench`: runs each benchmark in turn and prints its figures. Add a benchmark by
 * adding one line to BENCHES. `npm run bench -- store` runs only the named ones.
 */

interface Bench {
  name: string;
  run(): Promise<void>;
}

const BENCHES: Bench[] = [{ name: 'store', run: async () => (await import('./store.bench')).run() }];
BENCHES.push({ name: 'keystroke', run: async () => (await import('./keystroke.bench')).run() });
BENCHES.push({ name: 'export', run: async () => (await import('./export.bench')).run() });
// pades: verifying a signed PDF and Word file, and what the PDF signature adds to an export
BENCHES.push({ name: 'verify', run: async () => (await import('./verify.bench')).run() });
// accuracy review (main/services/review)
BENCHES.push({ name: 'review', run: async () => (await import('./review.bench')).run() });
BENCHES.push({ name: 'audit', run: async () => (await import('./audit.bench')).run() });
// pgbench9: the team store (PostgreSQL) at 200,000 conferences, against the local store
BENCHES.push({ name: 'team', run: async () => (await import('./team.bench')).run() });

export {}; // a module, so the loop below may await at top level

const wanted = process.argv.slice(2);
for (const bench of BENCHES) {
  if (wanted.length > 0 && !wanted.includes(bench.name)) continue;
  console.log(`\n=== ${bench.name} ===`);
  await bench.run();
}
