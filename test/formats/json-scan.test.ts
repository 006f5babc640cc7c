import { describe, expect, it } from 'vitest';
import { readRelJson, readRelJsonPieces, relJsonChunks, type RelPerson } from '../../src/formats/json.js';
import { RelJsonScanner, ScanError } from '../../src/formats/json-scan.js';
import { UsageError } from '../../src/errors.js';
import { MUTATING } from '../support.js';

const NOW = new Date('2026-03-01T09:00:00.000Z');
const person = (i: number): RelPerson => ({
  id: `p${i}`, name: `Person "${i}" {x} [y], \\ back\\slash\nsecond line ☕ 山田`, emails: [`p${i}@example.com`], phones: [], tags: ['a,b', ']'],
  company: i % 2 ? null : 'Acme, "Inc" }', title: i % 2 ? '12" ruler ] { \\' : null, every_days: 14, birthday: '--03-10', met: null, met_on: null, linkedin_url: null,
  snoozed_until: null, added_on: '2026-01-01', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z',
  last_touch: null, next_due: null,
  facts: [{ id: `f${i}`, text: 'likes\ttea \\"quoted\\"', date: '2026-01-01', created_at: '2026-01-01T00:00:00.000Z', updated_at: '2026-01-01T00:00:00.000Z' }],
  touchpoints: Array.from({ length: i % 3 }, (_, k) => ({
    id: `t${i}-${k}`, group_id: 'g', date: '2026-02-01', via: 'call', note: k ? 'a } b ] c , d' : null, give: null, ask: null, intro_to: null,
    created_at: '2026-02-01T00:00:00.000Z', updated_at: '2026-02-01T00:00:00.000Z',
  })),
  follow_ups: [], dates: [], wishes: [],
});
const exported = (n: number) => [...relJsonChunks(Array.from({ length: n }, (_, i) => person(i)), NOW)].join('');
/** The text cut into pieces of `size` characters. */
const cut = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, k) => text.slice(k * size, (k + 1) * size));

describe('readRelJsonPieces reads what readRelJson reads, however the text is cut', () => {
  it('rel export as written, cut at every position', () => {
    const text = exported(3);
    const whole = readRelJson(text);
    expect(whole.people.length).toBe(3);
    // Under npm run mutate every 7th position (each read is a whole pass: quadratic; instrumented, seconds
    // a mutant); the pieces of 1 to 4 characters below still put a cut at every position.
    for (let at = 1; at < text.length; at += MUTATING ? 7 : 1) expect(readRelJsonPieces([text.slice(0, at), text.slice(at)])).toEqual(whole);
  });

  it('a larger export in pieces of every size from 1 to 64 characters, and as one piece', () => {
    const text = exported(12);
    const whole = readRelJson(text);
    const sizes = MUTATING ? [1, 2, 3, 4, 7, 16, 63] : Array.from({ length: 64 }, (_, k) => k + 1);
    for (const size of sizes) expect(readRelJsonPieces(cut(text, size))).toEqual(whole);
    expect(readRelJsonPieces([text])).toEqual(whole);
  });

  it('minified, keys in another order, a byte order mark, people before the format, extra fields, empty people', () => {
    const people = [person(1), person(2)];
    for (const text of [
      JSON.stringify({ people, version: 1, format: 'rel', extra: { a: [1, { b: '}' }] } }),
      `\uFEFF ${JSON.stringify({ format: 'rel', version: 1, exported_at: 'x', note: 'a "quoted" ] text', people })} \n`,
      JSON.stringify({ format: 'rel', version: 1, people: [] }),
      '{"format":"rel","version":1,"n":-1.5e3,"t":true,"z":null,"people":[]}',
      '{}',
    ]) {
      const call = (f: () => unknown) => {
        try {
          return f();
        } catch (e) {
          return e instanceof UsageError ? `UsageError: ${e.message}` : e;
        }
      };
      for (const size of [1, 7, 1000]) expect(call(() => readRelJsonPieces(cut(text, size)))).toEqual(call(() => readRelJson(text)));
    }
  });

  it('whitespace wherever JSON allows it (tabs, CR LF, before a colon or a comma) streams like the rest', () => {
    const doc = { format: 'rel', version: 1, exported_at: '2026-03-01T09:00:00.000Z', people: [person(1), person(2)] };
    const text = `\uFEFF\r\n\t${JSON.stringify(doc, null, '\t')
      .replace(/\n/g, '\r\n') // an export saved on Windows
      .replace(/"(format|version|exported_at|people)": /g, '"$1" \t:\r\n ')
      .replace(/"rel",/, '"rel" \r\n\t,')
      .replace(/\}\r\n(\t*)\]/, '}\r\n$1 \t]')}\r\n\t \r\n`;
    const whole = readRelJson(text);
    expect(whole.people.map((p) => p.person.id)).toEqual(['p1', 'p2']);
    for (const size of [1, 3, 1000, text.length]) expect(readRelJsonPieces(cut(text, size))).toEqual(whole);
  });

  it('a person laid out otherwise than rel writes it (a closing brace of theirs at their own indent) is still read whole', () => {
    const flat = (p: RelPerson) => JSON.stringify(p, null, 2).replace(/\n +/g, '\n'); // every line at the start: the first "\n}" is a fact's
    const text = `{"format": "rel", "version": 1, "exported_at": "2026-03-01T09:00:00.000Z", "people": [\n${[person(1), person(4)].map(flat).join(',\n')}\n]}`;
    expect(text).toMatch(/"likes[^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\n}/); // a fact closes at the person's indent, before the person does
    const whole = readRelJson(text);
    expect(whole.people.map((p) => [p.person.id, p.person.facts.length, p.person.touchpoints.length])).toEqual([['p1', 1, 1], ['p4', 1, 1]]);
    for (const size of [1, 7, 100, text.length]) expect(readRelJsonPieces(cut(text, size))).toEqual(whole);
  });

  it('keys with escapes: a quote or a backslash in a key, and "people" spelled with an escape, read as JSON reads them', () => {
    const people = JSON.stringify([person(3)]);
    for (const text of [
      `{"format":"rel","a\\"b\\\\":{"c\\\\":"]"},"version":1,"people":${people}}`,
      `{"format":"rel","version":1,"peopl\\u0065":${people}}`,
      `{"\\u0066ormat":"rel","version":1,"people":[]}`,
    ]) {
      const whole = readRelJson(text);
      for (const size of [1, 2, 5, text.length]) expect(readRelJsonPieces(cut(text, size)), text).toEqual(whole);
    }
    expect(readRelJson(`{"format":"rel","version":1,"peopl\\u0065":${people}}`).people).toHaveLength(1);
  });

  it('a person with a bad field, or a repeated id, is the same problem', () => {
    const bad = JSON.parse(exported(3)) as { people: Record<string, unknown>[] };
    bad.people[1]!.every_days = 'often';
    bad.people[2]!.id = 'p0';
    const text = JSON.stringify(bad);
    const whole = readRelJson(text);
    expect(whole.problems).toHaveLength(2);
    expect(readRelJsonPieces(cut(text, 5))).toEqual(whole);
  });

  it('the checks of the whole file: not a rel export, a newer version, people not a list', () => {
    for (const text of ['{"format":"x","people":[]}', '{"format":"rel","version":99,"people":[]}', '{"format":"rel","version":1,"people":{}}', '{"format":"rel","version":1}']) {
      expect(() => readRelJsonPieces([text])).toThrow(UsageError);
      expect(() => readRelJsonPieces([text])).toThrow(((): string => {
        try {
          readRelJson(text);
        } catch (e) {
          return (e as Error).message;
        }
        return 'no error';
      })());
    }
  });

  it('what is not JSON it expects is thrown back (the caller then reads the whole text)', () => {
    for (const text of ['[1,2]', '{"format":"rel",}', '{"format":"rel"', '{"people":[1,2]} x', '{"people":[],"people":[]}', 'nope', '{"a":1 "b":2}', '{"people":[{"a":1},]}']) {
      expect(() => readRelJsonPieces(cut(text, 3)), text).toThrow();
      let err: unknown;
      try {
        readRelJsonPieces(cut(text, 3));
      } catch (e) {
        err = e;
      }
      expect(err instanceof ScanError || err instanceof SyntaxError, text).toBe(true);
    }
  });
});

describe('RelJsonScanner', () => {
  it('gives each person the moment its text ends, not at the end of the file', () => {
    const seen: string[] = [];
    const scanner = new RelJsonScanner({ field: () => {}, person: (value) => seen.push((value as { id: string }).id) });
    scanner.feed('{"people":[{"id":"a"},{"id":"b"');
    expect(seen).toEqual(['a']);
    scanner.feed('},{"id":"c"}]}');
    scanner.end();
    expect(seen).toEqual(['a', 'b', 'c']);
  });
});
