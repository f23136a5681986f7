import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No import cycles in the guided form. FieldsBlock once imported the list and per-child fields,
 * which imported FieldsBlock back: bundled in another order, one of them was still undefined
 * when the other ran ("Element type is invalid"). The field renderer is now handed down instead.
 * The graph is read with TypeScript's own import scanner (type-only imports included: they are
 * erased at build time, but a cycle of them still says the modules are tangled).
 */

const ROOT = resolve(__dirname, '../../../renderer/src/guided');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** Each file's relative imports that land inside the folder, resolved to files. */
function importGraph(root: string): Map<string, string[]> {
  const files = new Set(sourceFiles(root));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name))
      .flatMap((base) => [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].filter((candidate) => files.has(candidate)).slice(0, 1));
    graph.set(file, targets);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the list of files around it. */
function cyclesIn(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('import cycles in renderer/src/guided', () => {
  it('there are none', () => {
    const graph = importGraph(ROOT);
    expect(graph.size).toBeGreaterThan(20);
    expect(cyclesIn(graph).map((cycle) => cycle.map((file) => relative(ROOT, file)).join(' → '))).toEqual([]);
  });

  it('the walk finds a cycle when there is one (FieldsBlock → PerChildField → FieldsBlock)', () => {
    const graph = new Map([
      ['FieldsBlock', ['PerChildField', 'TextField']],
      ['PerChildField', ['FieldsBlock']],
      ['TextField', []],
    ]);
    expect(cyclesIn(graph)).toEqual([['FieldsBlock', 'PerChildField', 'FieldsBlock']]);
  });
});
