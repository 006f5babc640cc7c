/**
 * Free text typed by the user: names and notes. Checked once at the edge; everything else in rel
 * may assume a cleaned name is NFC, trimmed, non-empty, one line and well-formed UTF-16.
 * Pure: no clock, no environment.
 */
import { UsageError } from '../errors.js';

export const MAX_NAME = 200;
export const MAX_NOTE = 10_000;

/**
 * Characters that must never reach a terminal raw inside an error message: the controls (C0, DEL, C1:
 * Unicode's Cc), lone surrogates (Cs), line and paragraph separators, bidi overrides and isolates.
 * Written as ranges, not \p{Cc}\p{Cs}: V8 builds a property class when the module loads, ~0.15 ms of
 * every command's start for a pattern only an error message uses (test/domain/text.test.ts: the same characters).
 */
const UNSAFE = /[\u{0}-\u{1f}\u{7f}-\u{9f}\u{d800}-\u{dfff}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const hex = (cp: number): string => cp.toString(16).toUpperCase().padStart(4, '0');

/**
 * Quotes user input for an error message: double quotes, control characters, line breaks,
 * bidi overrides and lone surrogates shown as `\uXXXX`, cut to `max` characters with `…`.
 * The message stays on one line whatever the input was.
 */
export function quoteInput(text: string, max = 60): string {
  const cps = [...text];
  const cut = cps.length > max ? `${cps.slice(0, max).join('')}…` : text;
  return `"${cut.replace(UNSAFE, (c) => `\\u${hex(c.codePointAt(0) ?? 0)}`)}"`;
}

interface Rules {
  what: string;
  max: number;
  /** Whether LF, CR (turned into LF) and tab are allowed. */
  multiline: boolean;
}

function describe(cp: number): string {
  if (cp >= 0xd800 && cp <= 0xdfff) return `an unpaired surrogate (U+${hex(cp)})`;
  if (cp === 0x2028 || cp === 0x2029) return `a line separator (U+${hex(cp)})`;
  return `a control character (U+${hex(cp)})`;
}

function isBad(cp: number, multiline: boolean): boolean {
  if (multiline && (cp === 0x0a || cp === 0x0d || cp === 0x09)) return false;
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return true; // C0, DEL, C1
  if (cp >= 0xd800 && cp <= 0xdfff) return true; // iterating by code point, so only lone ones
  return !multiline && (cp === 0x2028 || cp === 0x2029);
}

function clean(text: string, rules: Rules): string {
  let pos = 0;
  for (const ch of text) {
    pos += 1;
    const cp = ch.codePointAt(0) ?? 0;
    if (isBad(cp, rules.multiline)) {
      throw new UsageError(`${rules.what} ${quoteInput(text)} contains ${describe(cp)} at position ${pos}`);
    }
  }
  let out = text.normalize('NFC');
  if (rules.multiline) out = out.replace(/\r\n?/g, '\n');
  else out = out.replace(/\s+/g, ' '); // " Kate  Bell" is Kate Bell: a name has no double spaces
  out = out.trim();
  if (out === '') throw new UsageError(`${rules.what} cannot be empty`);
  const length = [...out].length;
  if (length > rules.max) {
    throw new UsageError(
      `${rules.what} ${quoteInput(out, 20)} is too long: ${length} characters, at most ${rules.max}`,
    );
  }
  return out;
}

/**
 * A person's name (or any one-line label: `what` names it in messages). Returns the text NFC-
 * normalised, trimmed, and with inner runs of whitespace collapsed to one space; refuses empty text, control characters (C0, DEL, C1, so also newline and
 * tab), U+2028/U+2029, unpaired surrogates, and more than 200 characters (code points).
 * Positions in messages are 1-based code points in the text as given.
 */
export function cleanName(text: string, what = 'name'): string {
  return clean(text, { what, max: MAX_NAME, multiline: false });
}

/**
 * A note: like cleanName, but newline and tab are allowed, CRLF and lone CR become LF, and up to
 * 10,000 characters. Leading and trailing whitespace (blank lines too) is trimmed.
 */
export function cleanNote(text: string, what = 'note'): string {
  return clean(text, { what, max: MAX_NOTE, multiline: true });
}
