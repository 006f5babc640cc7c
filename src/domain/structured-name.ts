/**
 * A person's structured name: the five components of a vCard `N` (family; given; additional; prefix;
 * suffix; RFC 6350 6.2.2), each a list. Pure.
 *
 * rel keeps the N a contact came with (people.vcard_n, migration 9) as the vCard value itself, escaped
 * as RFC 6350 writes it (`Smith;O'Brien "Bob";Jr.;Dr.;III`, `山田;太郎;;;`, `Stevenson;John;Philip,Paul;;`),
 * in one canonical spelling, so that two Ns are equal exactly when their strings are, and both writers
 * (rel export --format vcard, rel sync's cards) put it on the N line as it is. It is kept only when it
 * says more than rel's own rule would (derivedN): a card with `N:Chen;Maya;;;` and `FN:Maya Chen` keeps
 * nothing, so a card rel wrote reads back as it was written.
 */

const WORD = "\\p{Lu}[\\p{Script=Latin}\\p{M}]*(?:['’-]\\p{Script=Latin}[\\p{Script=Latin}\\p{M}]*)*";
// Built on first use: a Unicode script class costs ~1 ms to build, paid by every command at start-up
// when it was made as the module loaded (rel due never needs it).
let givenFamily: RegExp | undefined;

/** The components of an N: family, given, additional, prefix, suffix; each a list of values. */
export type NameParts = string[][];

/** A value of one component, escaped: backslash, comma, semicolon, line break. */
const escape = (v: string): string => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');

/**
 * The N value of these components: canonical (each value one line, trimmed, NFC; control characters and
 * unpaired surrogates made spaces; empty values dropped; five components).
 */
export function formatN(parts: readonly (readonly string[])[]): string {
  const line = (v: string) => v.replace(/[\p{Cc}\p{Cs}\s]+/gu, ' ').normalize('NFC').trim();
  const five = [0, 1, 2, 3, 4].map((i) => (parts[i] ?? []).map(line).filter(Boolean));
  return five.map((values) => values.map(escape).join(',')).join(';');
}

/** Splits an escaped value at unescaped `sep`, keeping escapes. */
function split(value: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) cur += c + value[++i];
    else if (c === sep) (out.push(cur), (cur = ''));
    else cur += c;
  }
  out.push(cur);
  return out;
}

/** An escaped N value (as on a card's N line) as its components, unescaped. */
export function parseN(value: string): NameParts {
  const unescape = (v: string) => v.replace(/\\([\s\S])/g, (_m: string, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
  return split(value, ';').map((component) => (component === '' ? [] : split(component, ',').map(unescape)));
}

/**
 * The N rel writes for a name it has no kept N for: family and given when the name is clearly "Given
 * Family" in a Latin script (two capitalised words: `Chen;Maya;;;`); any other name goes whole in the
 * given slot (`;山田 太郎;;;`, `;Mary Ann Smith;;;`), since splitting at a space is wrong for most of the
 * world's names.
 */
export function derivedN(name: string): string {
  const two = (givenFamily ??= new RegExp(`^(${WORD}) (${WORD})$`, 'u')).exec(name);
  return formatN(two ? [[two[2]!], [two[1]!]] : [[], [name]]);
}

/** The N to write for a person: the kept one, else rel's own (derivedN). */
export function nameValue(name: string, kept: string | null | undefined): string {
  return kept ?? derivedN(name);
}

/**
 * What to keep of a card's N for a person called `name`: the canonical value, or null when there is
 * nothing to keep: no N, an empty one, one with more than five components (not an N), or exactly the
 * N rel would write for the name anyway.
 */
export function keptN(name: string, parts: readonly (readonly string[])[] | null): string | null {
  if (parts === null || parts.length > 5) return null;
  const value = formatN(parts);
  return value === ';;;;' || value === derivedN(name) ? null : value;
}

/** The longest N rel keeps (escaped), and the longest value of one of its components, in code points. */
export const MAX_N = 1000;
export const MAX_N_VALUE = 200;

/** Why an N value cannot be kept (too long), or null when it can. */
export function nTooLong(value: string): string | null {
  const longest = Math.max(0, ...parseN(value).flat().map((v) => [...v].length));
  if (longest > MAX_N_VALUE) return `a part of the structured name (N) is longer than ${MAX_N_VALUE} characters`;
  if ([...value].length > MAX_N) return `the structured name (N) is longer than ${MAX_N} characters`;
  return null;
}

/** Whether an N spells `name`: given and family, in either order, joined by a space. */
export function nSpells(name: string, value: string): boolean {
  const [family = [], given = []] = parseN(value);
  const [f, g] = [family.join(' ').trim(), given.join(' ').trim()];
  const want = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  return [`${g} ${f}`, `${f} ${g}`].some((s) => s.normalize('NFC').trim() === want);
}
