// The product's import graph, read from the sources with TypeScript's own pre-processor (type-only imports and
// `import('…')` types included): what the house test holds against cycles and folders that import each other.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const PRODUCT = ['client/src', 'server/src', 'shared'];

/** Every product `.ts` file, relative to the repository, with `/` separators. */
export function productFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(ROOT, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(rel);
    }
  };
  PRODUCT.forEach(walk);
  return found.sort();
}

/** file → the product files it imports (relative specifiers only; packages are not rooms of the house). */
export function importGraph(files: readonly string[] = productFiles()): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), fileName)).replace(/\.js$/, '');
      const target = [`${base}.ts`, `${base}/index.ts`].find((f) => known.has(f));
      if (!target) throw new Error(`${file}: cannot resolve ${fileName}`);
      targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** The room a file is in: its folder (a folder's own files and its subfolders are rooms apart). */
export function roomOf(file: string): string {
  return path.posix.dirname(file);
}

/** Groups of files that import each other round a circle (Tarjan's strongly connected components, size > 1). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return found;
}

/** Pairs of rooms that import each other, each with one import either way as the evidence. */
export function roomsBothWays(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const edges = new Map<string, string>();
  for (const [from, targets] of graph) for (const to of targets) if (roomOf(from) !== roomOf(to)) edges.set(`${roomOf(from)} -> ${roomOf(to)}`, `${from} -> ${to}`);
  const pairs: string[] = [];
  for (const [edge, evidence] of edges) {
    const [a, b] = edge.split(' -> ');
    const back = edges.get(`${b} -> ${a}`);
    if (back && a < b) pairs.push(`${a} ⇄ ${b} (${evidence}; ${back})`);
  }
  return pairs.sort();
}
