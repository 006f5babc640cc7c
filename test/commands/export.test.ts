import { beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ICAL from 'ical.js';
import { inBatches } from '../../src/formats/batches.js';
import { writeCsv } from '../../src/formats/csv-rel.js';
import { exportPeople } from '../../src/formats/feed.js';
import type { RelPerson } from '../../src/formats/json.js';
import { writeVcards } from '../../src/formats/vcard-write.js';
import { parseVcards } from '../../src/formats/vcard.js';
import { relAt, spawnRel, useTempRel } from '../helpers.js';

const t = useTempRel({ now: '2026-03-04T09:00' });
let tmp: { dir: string };
let db: string;
let rel: ReturnType<typeof relAt>;
beforeEach(() => {
  ({ db, rel } = t);
  tmp = { dir: t.dir };
});

const NAMES = ['Maya Chen', 'José Núñez', 'Zoë 🎉 "Z" O\'Hara', 'ليلى حداد', 'נועה לוי'];

/** A database with a bit of everything: rhythms, facts, touches with gives and asks, follow-ups, dates, wishes, an intro. */
async function seed(): Promise<void> {
  await rel(['add', NAMES[0]!, '--email', 'maya@example.com', '--every', '2w', '--tag', 'work', '--note', 'two kids; ask about Lisbon'], { now: '2026-01-01' });
  await rel(['add', NAMES[1]!, '--birthday', '--02-29', '--every', '1m', '--phone', '+34 600 000 001'], { now: '2026-01-02' });
  await rel(['add', NAMES[2]!, '--company', 'Acme, Inc.', '--met', 'PyCon;\nthe hallway'], { now: '2026-01-03' });
  await rel(['add', NAMES[3]!, '--birthday', '1990-07-04'], { now: '2026-01-04' });
  await rel(['add', NAMES[4]!], { now: '2026-01-05' });
  await rel(['log', 'maya', 'jose', '-m', 'lunch, with\nnewlines', '--give', 'intro', '--follow-up', '2w', '--on', '2026-02-20']);
  await rel(['log', 'zoe', '--ask', 'referral', '--via', 'call', '--on', '2026-03-01']);
  const sql = new Database(db);
  const [maya, jose] = ['maya', 'jos'].map((n) => (sql.prepare(`SELECT id FROM people WHERE name_key LIKE ?`).get(`${n}%`) as { id: string }).id);
  const t = '2026-03-02T10:00:00.000Z';
  sql.prepare(`INSERT INTO dates VALUES ('d1', ?, 'wedding anniversary', '2015-06-20', 1, ?, ?)`).run(maya, t, t);
  sql.prepare(`INSERT INTO dates VALUES ('d2', ?, 'visa ends', '2026-09-01', 0, ?, ?)`).run(jose, t, t);
  sql.prepare(`INSERT INTO wishes VALUES ('w1', ?, 'need', 'a designer', NULL, ?, ?)`).run(maya, t, t);
  sql.prepare(`INSERT INTO wishes VALUES ('w2', ?, 'offer', 'Spanish lessons', '2026-03-01', ?, ?)`).run(jose, t, t);
  sql.prepare(`INSERT INTO touchpoints (id, person_id, group_id, date, via, note, give, intro_to, created_at, updated_at)
    VALUES ('t-intro', ?, 'g-intro', '2026-03-02', 'email', 'intro to José', 'intro', ?, ?, ?)`).run(maya, jose, t, t);
  sql.prepare(`UPDATE people SET linkedin_url = 'https://www.linkedin.com/in/maya-example', met_on = '2019-05-01' WHERE id = ?`).run(maya);
  sql.close();
}

const exportJson = async (r = rel) => {
  const out = await r(['export']);
  expect(out.code, out.err).toBe(0);
  return out.json();
};

describe('rel export --format json, and back', () => {
  it('has everything, with stable ids; into an empty database gives identical data; again changes nothing', async () => {
    await seed();
    const first = await exportJson();
    expect(first).toMatchObject({ format: 'rel', version: 1, exported_at: '2026-03-04T09:00:00.000Z' });
    expect(first.people.map((p: { name: string }) => p.name)).toEqual(['José Núñez', 'Maya Chen', 'Zoë 🎉 "Z" O\'Hara', 'נועה לוי', 'ليلى حداد']);
    const maya = first.people[1];
    expect(maya).toMatchObject({ every_days: 14, last_touch: '2026-03-02', next_due: '2026-03-16', linkedin_url: 'https://www.linkedin.com/in/maya-example' });
    expect(maya.touchpoints.map((t: { give: string; intro_to: string | null }) => [t.give, t.intro_to])).toEqual([['intro', null], ['intro', first.people[0].id]]);
    expect(maya.dates).toEqual([expect.objectContaining({ id: 'd1', yearly: true })]);
    expect(maya.wishes).toEqual([expect.objectContaining({ id: 'w1', kind: 'need', closed_on: null })]);
    expect(maya.follow_ups).toHaveLength(1);
    writeFileSync(join(tmp.dir, 'a.json'), JSON.stringify(first));

    const other = relAt(join(tmp.dir, 'other.db'), { now: '2026-03-05T09:00' });
    const imported = await other(['import', join(tmp.dir, 'a.json'), '--json']);
    expect(imported.json()).toMatchObject({ format: 'json', added: 5, merged: 0, skipped: 0, problems: [] });
    const second = await exportJson(other);
    expect(second.people).toEqual(first.people);

    const again = await other(['import', join(tmp.dir, 'a.json'), '--json']);
    expect(again.json()).toMatchObject({ added: 0, merged: 0, skipped: 5 });
    expect((await exportJson(other)).people).toEqual(first.people);
    expect((await rel(['import', join(tmp.dir, 'a.json'), '--json'])).json()).toMatchObject({ added: 0, merged: 0, skipped: 5 });
    expect((await exportJson()).people).toEqual(first.people);
  });

  it('into a database with the same person under another id: merged, their records attached to rel\'s person', async () => {
    await seed();
    writeFileSync(join(tmp.dir, 'a.json'), (await rel(['export'])).out);
    const other = relAt(join(tmp.dir, 'other.db'));
    await other(['add', 'Maya C.', '--email', 'MAYA@example.com', '--company', 'Mine']);
    const v = (await other(['import', join(tmp.dir, 'a.json'), '--json'])).json();
    expect(v).toMatchObject({ added: 4, merged: 1 });
    const maya = (await exportJson(other)).people.find((p: { name: string }) => p.name === 'Maya C.');
    expect(maya).toMatchObject({ company: 'Mine', every_days: 14, tags: ['work'] });
    expect(maya.touchpoints).toHaveLength(2);
    expect(maya.facts.map((f: { text: string }) => f.text)).toEqual(['two kids; ask about Lisbon']);
  });

  it('a bad field is named by its path and that person skipped; a bad file is refused', async () => {
    await seed();
    const doc = await exportJson();
    doc.people[1].touchpoints[0].date = '2026-02-30';
    doc.people[2].emails = [42];
    writeFileSync(join(tmp.dir, 'bad.json'), JSON.stringify(doc));
    const v = (await relAt(join(tmp.dir, 'o.db'))(['import', join(tmp.dir, 'bad.json'), '--json'])).json();
    expect(v.added).toBe(3);
    expect(v.problems).toEqual([
      { where: 'people[1]', why: 'people[1].touchpoints[0].date: expected a YYYY-MM-DD day, got "2026-02-30"; person skipped' },
      { where: 'people[2]', why: 'people[2].emails[0]: expected a non-empty string, got 42; person skipped' },
    ]);
    const cases: [string, RegExp][] = [
      ['{"format":"rel","version":2,"people":[]}', /version 2, from a newer rel/],
      ['{"format":"rel","version":1,\n "people": [}', /not valid JSON: .* at line 2/],
      ['[1, 2]', /not a rel export/],
      ['{"format":"rel","version":1,"people":{}}', /people: expected an array/],
    ];
    for (const [text, message] of cases) {
      writeFileSync(join(tmp.dir, 'x.json'), text);
      const r = await rel(['import', join(tmp.dir, 'x.json')]);
      expect(r.code, text).toBe(2);
      expect(r.err).toMatch(message);
    }
  });
  it('a person whose two touches share an id is a problem of the file, and everyone else comes in (it stopped the whole import)', async () => {
    await seed();
    const doc = await exportJson();
    const k = doc.people.findIndex((p: RelPerson) => p.touchpoints.length > 0);
    const person = doc.people[k] as RelPerson;
    person.touchpoints.push({ ...person.touchpoints[0]!, note: 'the same id again' });
    writeFileSync(join(tmp.dir, 'twice.json'), JSON.stringify(doc, null, 2)); // laid out as rel export writes it
    const other = relAt(join(tmp.dir, 'o.db'));
    const r = await other(['import', join(tmp.dir, 'twice.json'), '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ added: doc.people.length - 1, problems: [
      { where: `people[${k}]`, why: `people[${k}]: id ${JSON.stringify(person.touchpoints[0]!.id)} appears twice in the file; person skipped` }] });
    expect((await exportJson(other)).people.map((p: RelPerson) => p.name).sort()).toEqual(
      doc.people.filter((_: RelPerson, i: number) => i !== k).map((p: RelPerson) => p.name).sort());
    // In words, the person's place is said once: the problem names it already.
    const file = join(tmp.dir, 'twice.json');
    const said = await relAt(join(tmp.dir, 'p.db'))(['import', file]);
    expect(said.err).toBe(`people[${k}]: id ${JSON.stringify(person.touchpoints[0]!.id)} appears twice in the file; person skipped\n` +
      `1 problem in ${file}; the rest was imported\n`);
  });
});

describe('rel export: other formats', () => {
  it('csv: one row per person with last touch, rhythm, next due, gives and asks', async () => {
    await seed();
    const r = await rel(['export', '--format', 'csv']);
    const lines = r.out.split('\r\n');
    expect(lines[0]).toBe('id,name,emails,phones,company,title,tags,birthday,every_days,last_touch,next_due,gives,asks');
    expect(lines.find((l) => l.includes('Maya Chen'))).toMatch(/,maya@example.com,,,,work,,14,2026-03-02,2026-03-16,2,0$/);
    expect(lines.find((l) => l.includes('Zoë'))).toMatch(/^[0-9a-f-]{36},"Zoë 🎉 ""Z"" O'Hara",,,"Acme, Inc.",,,,,2026-03-01,,0,1$/);
  });

  it('vcard: another rel reads it back, rhythm and last contact included, names exactly', async () => {
    await seed();
    const text = (await rel(['export', '--format', 'vcard'])).out;
    const { records, problems } = parseVcards(text);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.value.name).sort()).toEqual([...NAMES].sort());
    writeFileSync(join(tmp.dir, 'all.vcf'), text);
    const other = relAt(join(tmp.dir, 'other.db'), { now: '2026-03-05T09:00' });
    expect((await other(['import', join(tmp.dir, 'all.vcf'), '--json'])).json()).toMatchObject({ added: 5 });
    const maya = (await exportJson(other)).people.find((p: { name: string }) => p.name === 'Maya Chen');
    expect(maya).toMatchObject({ every_days: 14, last_touch: '2026-03-02', emails: ['maya@example.com'], tags: ['work'] });
    expect((await other(['import', join(tmp.dir, 'all.vcf'), '--json'])).json()).toMatchObject({ added: 0, merged: 0 });
  });

  it('ics: birthdays and dates yearly, next due days and follow-ups; parses back; uids stable', async () => {
    await seed();
    const text = (await rel(['export', '--format', 'ics'])).out;
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((e) => ({
      uid: String(e.getFirstPropertyValue('uid')),
      summary: String(e.getFirstPropertyValue('summary')),
      start: String(e.getFirstPropertyValue('dtstart')),
      rrule: e.getFirstPropertyValue('rrule')?.toString() ?? null,
    }));
    const people = (await exportJson()).people;
    const id = (name: string) => people.find((p: { name: string }) => p.name === name).id;
    expect(events).toEqual(expect.arrayContaining([
      { uid: `${id('José Núñez')}-birthday@rel`, summary: 'Birthday: José Núñez', start: '2000-02-29', rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' },
      { uid: `${id('ليلى حداد')}-birthday@rel`, summary: 'Birthday: ليلى حداد', start: '1990-07-04', rrule: 'FREQ=YEARLY' },
      { uid: 'd1@rel', summary: 'wedding anniversary: Maya Chen', start: '2015-06-20', rrule: 'FREQ=YEARLY' },
      { uid: 'd2@rel', summary: 'visa ends: José Núñez', start: '2026-09-01', rrule: null },
      { uid: `${id('Maya Chen')}-due@rel`, summary: 'Reach out to Maya Chen', start: '2026-03-16', rrule: null },
      { uid: `${id('José Núñez')}-due@rel`, summary: 'Reach out to José Núñez', start: '2026-03-22', rrule: null },
    ]));
    expect(events.filter((e) => e.summary.startsWith('Follow up with'))).toHaveLength(2);
    const later = (await relAt(db, { now: '2026-03-05T09:00' })(['export', '--format', 'ics'])).out;
    const uids = (t: string) => [...t.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]);
    expect(uids(later)).toEqual(uids(text));
  });
});

describe('rel export -o FILE', () => {
  it('creates the file private (0600), refuses to replace it without --force', async () => {
    await seed();
    for (const format of ['json', 'csv', 'vcard', 'ics']) {
      const file = join(tmp.dir, `out.${format}`);
      const r = await rel(['export', '--format', format, '-o', file]);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toBe(`Exported 5 people to ${file} (${format}).\n`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const refused = await rel(['export', '--format', format, '-o', file]);
      expect(refused.code).toBe(2);
      expect(refused.err).toBe(`rel: ${file} exists: use --force to replace it\n`);
    }
    const file = join(tmp.dir, 'old.json');
    writeFileSync(file, 'old', { mode: 0o644 });
    expect((await rel(['export', '-o', file, '--force'])).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).people).toHaveLength(5);
  });

  it('clear errors: a folder, a missing folder, a bad format', async () => {
    mkdirSync(join(tmp.dir, 'dir'));
    expect((await rel(['export', '-o', join(tmp.dir, 'dir')])).err).toMatch(/dir is a folder: name a file/);
    const missing = await rel(['export', '-o', join(tmp.dir, 'nope', 'x.json')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^rel: cannot write .*nope\/x\.json: the folder .*nope does not exist\n$/);
    expect((await rel(['export', '--format', 'pdf'])).err).toBe('rel: bad --format "pdf": use one of vcard, csv, json, ics\n');
  });

  it('an empty database exports an empty, valid document', async () => {
    expect((await exportJson()).people).toEqual([]);
    expect((await rel(['export', '--format', 'csv'])).out).toBe('id,name,emails,phones,company,title,tags,birthday,every_days,last_touch,next_due,gives,asks\r\n');
  });
});

describe('spawned (the built bundle loads the parsers lazily)', () => {
  it('exports and imports through bin/rel.js', () => {
    const env = { REL_DB: join(tmp.dir, 'spawn.db') };
    expect(spawnRel(['add', 'Zoë 🎉', '--email', 'zoe@example.com'], env).code).toBe(0);
    const file = join(tmp.dir, 'z.vcf');
    const out = spawnRel(['export', '--format', 'vcard', '-o', file], env);
    expect(out.code, out.err).toBe(0);
    const r = spawnRel(['import', file, '--json'], { REL_DB: join(tmp.dir, 'spawn2.db') });
    expect(r.code, r.err).toBe(0);
    expect(r.json()).toMatchObject({ format: 'vcard', added: 1 });
  });
});

describe('rel export in batches (vCard, CSV): the same text as one rendering of everyone', () => {
  const person = (i: number): RelPerson => ({
    id: `00000000-0000-4000-8000-00000000000${i}`, name: `Person ${i}, "quoted"`, emails: [`p${i}@example.com`], phones: ['+1 555 0100'],
    tags: ['a', 'b'], company: 'Acme, Inc.', title: null, every_days: 14, birthday: '--03-10', met: null, met_on: null, linkedin_url: null,
    snoozed_until: null, added_on: '2026-01-01', created_at: 'x', updated_at: 'x', last_touch: '2026-02-01', next_due: '2026-02-15',
    facts: [{ id: 'f', text: 'a long fact that the vCard writer has to fold over more than one line, with a comma, and more', date: '2026-01-01', created_at: 'x', updated_at: 'x' }],
    touchpoints: [], follow_ups: [], dates: [], wishes: [],
  } as RelPerson);
  const csvHeader = writeCsv([]).length;

  it.each([0, 1, 2, 5])('%i people, two at a time', (n) => {
    const people = Array.from({ length: n }, (_, i) => person(i));
    const vcard = [...inBatches(people, 2, (b) => writeVcards(exportPeople(b)))].join('');
    expect(vcard).toBe(writeVcards(exportPeople(people)));
    const csv = [...inBatches(people, 2, (b) => writeCsv(exportPeople(b)), csvHeader)].join('');
    expect(csv).toBe(writeCsv(exportPeople(people)));
  });
});

describe('file messages name the path the user gave', () => {
  const t = useTempRel();

  it('export -o into a missing folder: the path given, no temporary name', async () => {
    await t.rel(['add', 'Maya Chen']);
    const file = join(t.dir, 'nodir', 'x.json');
    const r = await t.rel(['export', '-o', file]);
    expect(r.err).toBe(`rel: cannot write ${file}: the folder ${join(t.dir, 'nodir')} does not exist\n`);
    expect(r.code).toBe(1);
  });
});
