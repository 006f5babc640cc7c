// Not per command: rel export and then rel import, each test needs both.
/** Issue 12, items 5 and 9: what rel exports comes back whole, and into the same database changes nothing. */
import { beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relAt, useTempRel } from '../helpers.js';

const t = useTempRel({ now: '2026-03-01T09:00' });
let rel: ReturnType<typeof relAt>;
beforeEach(() => ({ rel } = t));

const ok = async (...argv: string[]) => {
  const r = await rel(argv);
  expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(0);
  return r;
};
const everyone = async (at = rel) => (await at(['export'])).json().people as Record<string, any>[];

async function fill(): Promise<void> {
  await ok('add', 'John Smith', '--email', 'john@acme.example', '--company', 'Acme, Inc.', '--every', '2w', '--tag', 'work');
  await ok('add', 'John Smith', '--phone', '+34 600 123 456', '--company', 'Initech', '--birthday', '03-14', '--tag', 'climbing');
  await ok('add', '山田 太郎', '--met', 'C:\\new folder, at "PyCon"', '--note', 'line one\nline two\nline three');
  await ok('add', "Bob O'Brien-Smith", '--title', '=SUM(A1)', '--every', 'quarterly', '--note', 'first fact', '--note', 'second fact');
  const [a] = (await ok('list', '--json')).json() as { id: string }[];
  await ok('log', a!.id, '-m', 'coffee', '--on', '2026-02-10');
  await ok('log', "Bob", '-m', 'call', '--via', 'call', '--on', '2026-01-05');
  // Two whose card N rel keeps: Japanese order (family name first), and all five components.
  const cards = join(t.dir, 'cards.vcf');
  writeFileSync(cards, ['BEGIN:VCARD', 'VERSION:3.0', 'FN:山田 花子', 'N:山田;花子;;;', 'EMAIL:hanako@example.jp', 'END:VCARD',
    'BEGIN:VCARD', 'VERSION:3.0', `FN:Dr. O'Brien "Bob" Smith Jr. III`, `N:Smith;O'Brien "Bob";Jr.;Dr.;III`, 'END:VCARD', ''].join('\r\n'));
  await ok('import', cards);
}

describe.each(['json', 'vcard', 'csv'])('rel export --format %s, then rel import', (format) => {
  it('into the same database: adds nothing, merges nothing, changes nothing', async () => {
    await fill();
    const before = await everyone();
    const file = join(t.dir, `out.${format}`);
    writeFileSync(file, (await ok('export', '--format', format)).out);
    const v = (await ok('import', file, '--json')).json();
    expect(v).toMatchObject({ added: 0, merged: 0, problems: [], possible_duplicates: [] });
    expect(await everyone()).toEqual(before);
  });

  it('into a new database: everyone comes back, two John Smiths stay two, facts stay whole', async () => {
    await fill();
    const before = await everyone();
    const file = join(t.dir, `out.${format}`);
    writeFileSync(file, (await ok('export', '--format', format)).out);
    const other = relAt(join(t.dir, 'other.db'), { now: '2026-03-01T09:00' });
    const r = await other(['import', file, '--json']);
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ added: 6, merged: 0, problems: [] });
    const after = await everyone(other);
    const view = (p: Record<string, any>) => ({
      id: p.id, name: p.name, emails: p.emails, phones: p.phones, company: p.company, title: p.title, tags: p.tags,
      birthday: p.birthday, every_days: p.every_days, last_touch: p.last_touch,
      ...(format === 'csv' ? {} : { met: p.met, vcard_n: p.vcard_n, facts: p.facts.map((f: { text: string }) => f.text).sort() }), // same day and time: in id order
    });
    expect(after.map(view)).toEqual(before.map(view));
    if (format !== 'csv') {
      expect(after.map((p) => p.vcard_n).filter(Boolean).sort()).toEqual([`Smith;O'Brien "Bob";Jr.;Dr.;III`, '山田;花子;;;']);
    }
  });
});
