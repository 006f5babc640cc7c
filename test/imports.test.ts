/**
 * The import graph of src/ has no circle, type-only imports included (a circle makes a newcomer read
 * everything to change anything), and the layers point one way: domain/ imports nothing of store/,
 * render/, commands/, chalk or node:fs; SQL lives in store/.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => resolve(SRC, f));
const source = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
const name = (f: string) => relative(SRC, f);

/** Every module a file names: static imports and exports (type-only too) and dynamic import(). */
function specifiers(text: string): string[] {
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...text.matchAll(re)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

const graph = new Map(
  files.map((f) => [
    f,
    specifiers(source.get(f)!)
      .filter((s) => s.startsWith('.'))
      .map((s) => resolve(dirname(f), s.replace(/\.js$/, '.ts')))
      .filter((d) => source.has(d)),
  ]),
);

/** The strongly connected components with more than one file (Tarjan). */
function circles(): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const ix = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    ix.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)!) {
      if (!ix.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, ix.get(w)!));
    }
    if (low.get(v) === ix.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        c.push(name(w));
      } while (w !== v);
      if (c.length > 1 || graph.get(v)!.includes(v)) out.push(c.sort());
    }
  };
  for (const f of files) if (!ix.has(f)) visit(f);
  return out;
}

describe('the import graph', () => {
  it('finds a circle when there is one (the checker itself works)', () => {
    expect(specifiers("import type { App } from '../app.js';\nexport { x } from './x.js';\nawait import('./y.js');")).toEqual([
      '../app.js',
      './x.js',
      './y.js',
    ]);
  });

  it('has no circle, type-only imports included', () => {
    expect(circles()).toEqual([]);
  });

  it('domain/ is pure: no store, render, commands, terminal or file system', () => {
    const bad = files
      .filter((f) => name(f).startsWith('domain/'))
      .flatMap((f) =>
        specifiers(source.get(f)!)
          .filter((s) => /(^|\/)(store|render|commands|formats)\/|^chalk$|^node:(fs|child_process|tty|process)$|^better-sqlite3$/.test(s))
          .map((s) => `${name(f)} imports ${s}`),
      );
    expect(bad).toEqual([]);
  });

  it('a command never imports another command (what several use is in commands/shared/)', () => {
    const command = (f: string) => /^commands\/[^/]+\.ts$/.test(f);
    const bad = files
      .filter((f) => command(name(f)))
      .flatMap((f) =>
        graph
          .get(f)!
          .filter((d) => command(name(d)))
          // a command's own helper file: capture.ts and capture-run.ts
          .filter((d) => !name(d).startsWith(name(f).replace(/\.ts$/, '-')))
          .map((d) => `${name(f)} imports ${name(d)}`),
      );
    expect(bad).toEqual([]);
  });

  it('SQL lives in store/', () => {
    const sql = /\b(?:prepare|exec)\(\s*[`'"]\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|BEGIN|VACUUM)\b|\.pragma\(/;
    const bad = files.filter((f) => !name(f).startsWith('store/') && sql.test(source.get(f)!)).map(name);
    expect(bad).toEqual([]);
  });
});
