/**
 * Content lines (RFC 6350 / RFC 5545), kept byte for byte. Pure.
 *
 * A synced file belongs to the phone as much as to rel: rel rewrites only the properties it owns and
 * copies every other physical line (folding, line endings, groups, parameters, PHOTO data) exactly as
 * it found it. `parseLines` keeps each property's raw text; `rewrite` replaces, in place, only the
 * owned properties whose values changed, keeping their group and parameters.
 */
import { escapeText, foldLine } from '../formats/ics.js';

export interface Prop {
  /** Upper-case name without its group: EMAIL for `item1.EMAIL;TYPE=work:x`. */
  name: string;
  /** `item1.` or ''. */
  group: string;
  /** The parameters as written, with their leading ';' (or ''). */
  params: string;
  /** The value as written (still escaped), unfolded. */
  value: string;
  /** The physical lines as they were, with their line endings. */
  raw: string;
}

/** Splits text into logical lines (a line starting with a space or tab continues the one before). */
export function parseLines(text: string): Prop[] {
  const props: Prop[] = [];
  const physical = text.replace(/^\uFEFF/, '').match(/[^\r\n]*(?:\r\n|\n|\r|$)/g) ?? [];
  let current: { raw: string; logical: string } | null = null;
  const flush = () => {
    if (current && current.logical.trim() !== '') props.push(splitProp(current.logical, current.raw));
    current = null;
  };
  for (const line of physical) {
    if (line === '') continue;
    const body = line.replace(/\r\n|\n|\r$/, '');
    if (current && (body.startsWith(' ') || body.startsWith('\t'))) {
      current.raw += line;
      current.logical += body.slice(1);
    } else {
      flush();
      current = { raw: line, logical: body };
    }
  }
  flush();
  return props;
}

function splitProp(logical: string, raw: string): Prop {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < logical.length && colon < 0; i++) {
    if (logical[i] === '"') quoted = !quoted;
    else if (!quoted && logical[i] === ':') colon = i;
  }
  const head = colon < 0 ? logical : logical.slice(0, colon);
  const semi = head.indexOf(';');
  const fullName = semi < 0 ? head : head.slice(0, semi);
  const dot = fullName.lastIndexOf('.');
  return {
    name: fullName.slice(dot + 1).trim().toUpperCase(),
    group: dot < 0 ? '' : fullName.slice(0, dot + 1),
    params: semi < 0 ? '' : head.slice(semi),
    value: colon < 0 ? '' : logical.slice(colon + 1),
    raw,
  };
}

/** A parameter's value (`TYPE` of `;TYPE=cell;X=1`), unquoted; undefined when absent. */
export function param(p: Prop, key: string): string | undefined {
  for (const part of p.params.split(';').slice(1)) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim().toUpperCase() === key.toUpperCase()) return part.slice(eq + 1).replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

/** Undoes TEXT escaping: `\n`, `\,`, `\;`, `\\`. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\s\S])/g, (_m: string, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** A property's TEXT value, unescaped and trimmed; null when it is missing or blank. */
export const textOf = (p: Prop | undefined): string | null => {
  const v = p === undefined ? '' : unescapeText(p.value).trim();
  return v === '' ? null : v;
};

/** TEXT escaping for vCard 3.0 and iCalendar: backslash, comma, semicolon and newline (the export's own escapeText). */
export const escapeValue = (value: string): string => escapeText(value);

/** Splits an escaped value at unescaped `sep` (`;` for N and ORG, `,` for CATEGORIES), then unescapes. */
export function splitValue(value: string, sep: ';' | ','): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      cur += c + value[i + 1];
      i++;
    } else if (c === sep) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts.map(unescapeText);
}

/** The line ending the text mostly uses (CRLF when it has none). */
export function eolOf(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return lf > crlf ? '\n' : '\r\n';
}

/** One folded property line with its ending. */
export function propLine(name: string, value: string, eol: string, params = '', group = ''): string {
  return foldLine(`${group}${name}${params}:${value}`).replace(/\r\n/g, eol) + eol;
}

/**
 * What rel wants for one owned property: its values in order, each with a key that says when an
 * existing line already holds it (so that line is kept as it is).
 */
export interface Wanted {
  name: string;
  items: { key: string; value: string }[];
  /** The key of an existing line of this property, from its escaped value and the line. */
  keyOf(p: Prop): string;
}

/**
 * Rewrites the properties of the component between `start` and `end` (indexes into `props`, the BEGIN
 * and END lines): for each wanted property, a line whose key is wanted stays byte for byte; a line whose
 * key is not wanted gives its place (group and parameters) to a wanted value not yet placed, or goes;
 * values still unplaced follow the last line of that property, or go before END. Nothing else changes.
 */
export function rewrite(props: Prop[], start: number, end: number, wanted: Wanted[], eol: string): string {
  const byName = new Map(wanted.map((w) => [w.name, w]));
  const placed = new Map<string, Set<string>>(wanted.map((w) => [w.name, new Set<string>()]));
  const lastIndex = new Map<string, number>();
  for (let i = start + 1; i < end; i++) if (byName.has(props[i]!.name)) lastIndex.set(props[i]!.name, i);
  // First pass: which existing lines are kept as they are.
  const keep = new Set<number>();
  for (let i = start + 1; i < end; i++) {
    const w = byName.get(props[i]!.name);
    if (!w) continue;
    const key = w.keyOf(props[i]!);
    const done = placed.get(w.name)!;
    if (!done.has(key) && w.items.some((it) => it.key === key)) {
      keep.add(i);
      done.add(key);
    }
  }
  const next = (w: Wanted) => w.items.find((it) => !placed.get(w.name)!.has(it.key));
  let out = '';
  for (let i = 0; i < props.length; i++) {
    const p = props[i]!;
    const w = i > start && i < end ? byName.get(p.name) : undefined;
    if (i === end) for (const rest of wanted) if (!lastIndex.has(rest.name)) out += remaining(rest);
    if (!w || keep.has(i)) out += p.raw;
    else {
      const item = next(w);
      if (item) {
        placed.get(w.name)!.add(item.key);
        out += propLine(p.name, item.value, eol, p.params, p.group);
      }
    }
    if (w && lastIndex.get(w.name) === i) out += remaining(w);
  }
  return out;

  function remaining(w: Wanted): string {
    let s = '';
    for (let item = next(w); item; item = next(w)) {
      placed.get(w.name)!.add(item.key);
      s += propLine(w.name, item.value, eol);
    }
    return s;
  }
}

/** Index of `BEGIN:<name>` and its `END:<name>` in props; null when absent. */
export function component(props: Prop[], name: string): { start: number; end: number } | null {
  const start = props.findIndex((p) => p.name === 'BEGIN' && p.value.trim().toUpperCase() === name);
  if (start < 0) return null;
  for (let i = start + 1; i < props.length; i++) {
    if (props[i]!.name === 'END' && props[i]!.value.trim().toUpperCase() === name) return { start, end: i };
  }
  return null;
}
