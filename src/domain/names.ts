/**
 * Which person does the user mean by "jose", "john sm" or "Núñez"? Pure matching over plain data.
 */

/** Letters that Unicode decomposition leaves alone but an ASCII keyboard cannot type. */
const FOLDS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
};
/**
 * Any of those letters. Built from the keys rather than written as a literal: a regular expression
 * with non-ASCII letters in it reaches the bundle as it is, which makes all of dist/rel.js a two-byte
 * string when it loads (build.mjs refuses a bundle that is not ASCII).
 */
const FOLDED = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');

/**
 * The key names are matched on: compatibility-decomposed (NFKD, so `ﬁ` → `fi` and full-width
 * letters → ASCII), combining marks stripped, lower-cased (locale-independent), ß → ss (and æ, œ, ø,
 * ł, đ, ð, þ, ı folded to ASCII), whitespace collapsed and trimmed.
 * `José Núñez` → `jose nunez`, `ÅSA` → `asa`, `Straße` → `strasse`, `Søren` → `soren`.
 */
export function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(FOLDED, (c) => FOLDS[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

export interface NameCandidate {
  id: string;
  name: string;
}

/**
 * Strings in code-unit order: ISO days and instants, ids, folded names sort as plain strings (and ~50x
 * faster than localeCompare). The one comparator the orders of rel's lists are built from.
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A UTF-16 code unit as it ranks in code point order: surrogates (a character beyond U+FFFF) above all else. */
const rank = (c: number): number => (c >= 0xd800 ? (c >= 0xe000 ? c - 0x800 : c + 0x2000) : c);

/**
 * Strings in Unicode code point order, as SQLite orders text (BINARY, on UTF-8), so that a list SQLite
 * sorts is the list the domain defines. byText's order but for one case: a character beyond U+FFFF (an
 * emoji) comes after U+E000-U+FFFF (a full-width letter), where its UTF-16 surrogates come before.
 */
export function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  // Stryker disable next-line EqualityOperator,ConditionalExpression: equivalent: past the shorter text charCodeAt is NaN, equal to nothing
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // Stryker disable next-line EqualityOperator: equivalent: texts of one length that agree up to it are equal, answered above
  if (i === n) return a.length < b.length ? -1 : 1;
  // Stryker disable next-line EqualityOperator: equivalent: the units differ here, and rank never maps two units to one
  return rank(a.charCodeAt(i)) < rank(b.charCodeAt(i)) ? -1 : 1;
}

/** True when `q` starts the folded name or any word in it (a word starts after a non-letter/digit). */
function startsAWord(q: string, name: string): boolean {
  for (let i = name.indexOf(q); i >= 0; i = name.indexOf(q, i + 1)) {
    if (i === 0 || !/[\p{L}\p{N}]/u.test(name[i - 1] ?? '')) return true;
  }
  return false;
}

/** True when `q` is whole words of the folded name: it starts a word and ends one ("p2" in "p2 fam2", not in "p20"). */
function isWholeWords(q: string, name: string): boolean {
  const word = /[\p{L}\p{N}]/u;
  for (let i = name.indexOf(q); i >= 0; i = name.indexOf(q, i + 1)) {
    const before = i === 0 || !word.test(name[i - 1] ?? '');
    const after = i + q.length === name.length || !word.test(name[i + q.length] ?? '');
    if (before && after) return true;
  }
  return false;
}

/**
 * The people `query` means, trying four stages and stopping at the first that matches anyone:
 *   1. the folded name equals the folded query;
 *   2. the folded query is whole words of the folded name ("p2" finds "P2 Fam2" among "P20 …" and
 *      "P200 …"; "chen" finds "Maya Chen" before "Chenoa");
 *   3. the folded query starts the folded name or one of its words ("sm" and "john sm" both match
 *      "John Smith"; "luc" matches "Jean-Luc"; "brien" matches "O'Brien");
 *   4. the folded query occurs anywhere in the folded name.
 * [] means unknown, more than one means ambiguous: the caller decides. A query that folds to ""
 * matches no one. Order is stable: by folded name, then name, then id (code-unit order, no locale).
 */
export function matchName<T extends NameCandidate>(query: string, candidates: T[]): T[] {
  const q = foldName(query);
  if (q === '') return [];
  const keyed = candidates
    .map((c) => ({ c, key: foldName(c.name) }))
    .sort((a, b) => byText(a.key, b.key) || byText(a.c.name, b.c.name) || byText(a.c.id, b.c.id));
  const stages: ((key: string) => boolean)[] = [
    (key) => key === q,
    (key) => isWholeWords(q, key),
    (key) => startsAWord(q, key),
    (key) => key.includes(q),
  ];
  for (const stage of stages) {
    const hits = keyed.filter(({ key }) => stage(key)).map(({ c }) => c);
    if (hits.length > 0) return hits;
  }
  return [];
}
