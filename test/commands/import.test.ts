import { beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/main.js';
import { relAt, testDeps, useTempRel } from '../helpers.js';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
/** The MIT vCard fixtures of node-vcf, copied into test/fixtures/ with their licence. */
const shared = (name: string) => fileURLToPath(new URL(`../fixtures/vcard/node-vcf/${name}`, import.meta.url));

const t = useTempRel({ now: '2026-03-01T09:00' });
let tmp: { dir: string };
let rel: ReturnType<typeof relAt>;
beforeEach(() => {
  ({ rel } = t);
  tmp = { dir: t.dir };
});

type Person = { id: string; name: string; emails: string[]; phones: string[]; tags: string[]; [k: string]: unknown };
/** Everyone in the database, as rel's JSON export has them. */
async function everyone(): Promise<Person[]> {
  return (await rel(['export', '--format', 'json'])).json().people;
}
const byName = async (name: string) => (await everyone()).find((p) => p.name === name);
const imp = async (...argv: string[]) => {
  const r = await rel(['import', ...argv, '--json']);
  expect(r.code, r.err).toBe(0);
  return r.json();
};

describe('rel import: each format', () => {
  it('vCard 3.0 from Apple: grouped items, escapes, yearless birthday, LinkedIn URL, notes as facts', async () => {
    expect(await imp(fixture('vcard/apple.vcf'))).toEqual({
      format: 'vcard', dry_run: false, added: 2, merged: 0, skipped: 0, possible_duplicates: [], skipped_why: {},
      problems: [{ where: 'file', why: 'not imported, rel has no field for them: PHOTO (in 1 card), URL (in 1 card)' }],
    });
    const ngozi = await byName('Ngozi Okafor');
    expect(ngozi).toMatchObject({
      emails: ['ngozi@example.com', 'Ngozi.Okafor@Example.com'], phones: ['+234 800 000 0001'], company: 'Lagos Widgets Ltd, Inc.',
      title: 'Staff Engineer', birthday: '--03-14', tags: ['friends', 'work-past'], linkedin_url: 'https://www.linkedin.com/in/ngozi-okafor-example',
      added_on: '2026-03-01',
    });
    expect(ngozi!.facts).toMatchObject([{ text: 'Prefers calls after 6pm; allergic to peanuts\nLikes chess', date: '2026-03-01' }]);
    expect(await byName('ليلى حداد')).toMatchObject({ birthday: '1990-07-04', linkedin_url: 'https://www.linkedin.com/in/layla-haddad-example' });
  });

  it.each([
    ['vcard/v21-quoted-printable.vcf', 'vcard', ['Jörg Müller', 'Renée Dubois']],
    ['vcard/thunderbird.vcf', 'vcard', ['Tomás Ferreira 🎸']],
    ['vcard/lf-only.vcf', 'vcard', ['Aiko Tanaka', 'Sven Lindqvist']],
    ['csv/linkedin-old.csv', 'linkedin', ['Bruno Costa', 'Chloé Martin', 'Dmitri Ivanov']],
    ['csv/google-old.csv', 'google', ['Bruno Costa', 'Chloé Martin']],
    ['csv/outlook.csv', 'outlook', ['Ethan Walker', 'Fatima Zahra El Amrani', 'Gustavo Pérez', 'Hanna Berg', 'Ivo Novak']],
    ['csv/people.csv', 'csv', ['José Álvarez 😀', 'Lima, Ana', 'مريم', 'נועה לוי']],
  ])('%s is told apart as %s; names come back exactly', async (file, format, names) => {
    expect((await imp(fixture(file))).format).toBe(format);
    expect((await everyone()).map((p) => p.name).sort()).toEqual([...names].sort());
  });

  it('the shared vCard fixtures (2.1, 3.0, 4.0, XING) import; a card with no name, email or phone is refused', async () => {
    for (const f of ['vcard-2.1.vcf', 'vcard-3.0.vcf', 'vcard-4.0.vcf', 'xing.vcf', 'empty-lines.vcf', 'multiple.vcf']) {
      expect((await rel(['import', shared(f)])).code, f).toBe(0);
    }
    expect((await everyone()).map((p) => p.name)).toEqual(['Dr. Erika Mustermann', 'Forrest Gump', 'Hans-Peter Mustermann']);
    const forrest = await byName('Forrest Gump');
    expect(forrest!.emails).toEqual(['forrestgump@example.com']);
    expect(forrest!.phones).toEqual(expect.arrayContaining(['(111) 555-1212', '+11115551212']));
    const r = await rel(['import', shared('photo-base64.vcf')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^rel: no one could be read from .*card 1 \(line 1\): no name/);
  });

  it('LinkedIn (current): the connection date becomes met_on; problems are listed, the rest imported', async () => {
    const r = await rel(['import', fixture('csv/linkedin-current.csv')]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('Added 5, merged 0, skipped 0.\n');
    expect(r.err).toBe(
      'line 9: no name\nline 10: connection date "sometime" not understood; kept the person without it\n' +
        '2 problems in ' + fixture('csv/linkedin-current.csv') + '; the rest was imported\n',
    );
    expect(await byName('Ana Núñez')).toMatchObject({ met: 'LinkedIn', met_on: '2024-03-12', company: 'Acme, Inc.', title: 'Engineer' });
    expect(await byName('Zoë Okafor 🌻')).toMatchObject({ title: 'Head of "Growth"', emails: ['zoe@example.com'] });
    expect(await byName('דנה כהן')).toMatchObject({ met_on: '2022-02-05' });
  });

  it('Google (current): Labels become tags, ::: values split, the primary first, multi-line notes kept', async () => {
    const v = await imp(fixture('csv/google-new.csv'));
    expect(v).toMatchObject({ format: 'google', added: 4 });
    const ana = await byName('Ana María Núñez Jr.');
    expect(ana).toMatchObject({ tags: ['friends', 'starred'], phones: ['+34 600 000 002', '+34 600 000 001', '+34 910 000 003'] });
    expect(ana!.emails[0]).toBe('ana@work.example');
    expect((ana!.facts as { text: string }[])[0]!.text).toBe('Met at the "Open Data" meetup, Lisbon.\nLoves climbing; ask about the new job.');
  });

  it('a generic CSV with --map', async () => {
    const v = await imp(fixture('csv/mapped.csv'), '--map', 'first=Given,last=Surname,email=Mail,phone="Phone, mobile",birthday=Born,met=How we met,note=Remarks');
    expect(v).toMatchObject({ format: 'csv', added: 2, problems: [] });
    expect(await byName('Ana Núñez')).toMatchObject({ emails: ['ana@example.com', 'ana@work.example'], birthday: '1990-03-14', met_on: '2019-05-01' });
    expect(await byName('Ben Osei')).toMatchObject({ met: 'at a conference', met_on: null });
  });
});

describe('rel import: merging', () => {
  it('merges by LinkedIn URL, by email and by name across files; adds, never overwrites', async () => {
    await rel(['add', 'Ngozi Okafor', '--title', 'Typed By Me', '--phone', '+234 800 000 0001']);
    expect(await imp(fixture('vcard/apple.vcf'))).toMatchObject({ added: 1, merged: 1 });
    expect(await byName('Ngozi Okafor')).toMatchObject({ title: 'Typed By Me', company: 'Lagos Widgets Ltd, Inc.', phones: ['+234 800 000 0001'], emails: ['ngozi@example.com', 'Ngozi.Okafor@Example.com'] });
    // Layla: the same LinkedIn profile; Zoë: no match yet
    const li = await imp(fixture('csv/linkedin-current.csv'));
    expect(li).toMatchObject({ added: 4, merged: 1 });
    expect(await byName('ليلى حداد')).toMatchObject({ emails: ['layla@example.org'], met_on: '2020-09-07', birthday: '1990-07-04' });
    // Google: Zoë by email (zoe@example.com), Layla by name (no email on either side... she has one now: a conflict-free match needs none on the record)
    const g = await imp(fixture('csv/google-new.csv'));
    expect(g).toMatchObject({ added: 2, merged: 2 });
    expect(await byName('Zoë Okafor 🌻')).toMatchObject({ birthday: '--07-04' });
    expect(await byName('ليلى حداد')).toMatchObject({ tags: ['family'] });
    expect(await everyone()).toHaveLength(8);
  });

  it('re-importing the same file changes nothing, not even the undo journal', async () => {
    for (const f of ['vcard/apple.vcf', 'csv/linkedin-current.csv', 'csv/google-new.csv', 'csv/outlook.csv', 'csv/people.csv']) {
      await imp(fixture(f));
      const before = await everyone();
      const again = await imp(fixture(f));
      expect(again.added + again.merged, f).toBe(0);
      expect(await everyone(), f).toEqual(before);
    }
    expect((await rel(['undo', '--list', '--json'])).json()).toHaveLength(5);
  });

  it('--tag goes to everyone in the file, --every to the people added', async () => {
    await rel(['add', 'Bruno Costa', '--email', 'bruno@example.com', '--every', '1w']);
    const v = await imp(fixture('csv/linkedin-old.csv'), '--tag', 'Old-Job', '--tag', 'linkedin', '--every', '3m');
    expect(v).toMatchObject({ added: 2, merged: 1 });
    expect(await byName('Bruno Costa')).toMatchObject({ tags: ['old-job', 'linkedin'], every_days: 7, company: 'Northwind' });
    expect(await byName('Dmitri Ivanov')).toMatchObject({ tags: ['old-job', 'linkedin'], every_days: 90 });
    expect((await rel(['import', fixture('csv/linkedin-old.csv'), '--every', 'sometimes'])).code).toBe(2);
  });
});

describe('rel import: dry run and undo', () => {
  it('--dry-run says what would happen and writes nothing', async () => {
    await rel(['add', 'Bruno Costa', '--email', 'bruno@example.com']);
    const before = await everyone();
    const r = await rel(['import', fixture('csv/linkedin-old.csv'), '--dry-run', '--json']);
    expect(r.json()).toMatchObject({ dry_run: true, added: 2, merged: 1, skipped: 0 });
    expect(r.json().records.map((d: { action: string; name: string }) => `${d.action} ${d.name}`)).toEqual(['merge Bruno Costa', 'add Chloé Martin', 'add Dmitri Ivanov']);
    const human = await rel(['import', fixture('csv/linkedin-old.csv'), '--dry-run']);
    expect(human.out).toMatch(/^would merge Bruno Costa, line 2 into Bruno Costa: company, title, met, met on\nwould add   Chloé Martin, line 3\n/);
    expect(human.out).toMatch(/Dry run of .*: would add 2, merge 1, skip 0\. Nothing was written\.\n$/);
    expect(await everyone()).toEqual(before);
    expect((await rel(['undo', '--list', '--json'])).json()).toHaveLength(1); // only the add
  });

  it('rel undo after an import removes exactly the import, merges included', async () => {
    await rel(['add', 'Ngozi Okafor', '--phone', '+234 800 000 0001', '--note', 'met in Lagos']);
    const before = await everyone();
    await imp(fixture('vcard/apple.vcf'));
    expect(await everyone()).toHaveLength(2);
    const undone = await rel(['undo']);
    expect(undone.code).toBe(0);
    expect(undone.out).toBe('Undid import: 1 added, 1 merged from apple.vcf.\n');
    expect(await everyone()).toEqual(before);
  });
});

describe('rel import: bad files', () => {
  it.each([
    ['csv/empty.csv', [], 2, /^rel: .*empty\.csv is empty\n$/],
    ['vcard/empty.vcf', [], 2, /is empty/],
    ['csv/binary.bin', [], 2, /binary\.bin is a binary file \(it has NUL bytes\)/],
    ['csv/not-csv.txt', [], 2, /cannot tell what .*not-csv\.txt is/],
    ['csv/not-csv.txt', ['--format', 'linkedin'], 2, /no LinkedIn header/],
    ['vcard/not-a-vcard.vcf', ['--format', 'vcard'], 2, /no BEGIN:VCARD found/],
    ['csv/mapped.csv', ['--map', 'name=Nom,email=Courriel'], 2, /columns "Nom", "Courriel" not in the header; the columns are: Given, Surname/],
    ['csv/mapped.csv', ['--map', 'shoe=Given'], 2, /--map: unknown field "shoe"/],
    ['csv/mapped.csv', ['--format', 'vcard', '--map', 'name=Given'], 2, /--map is for --format csv/],
    ['csv/people.csv', ['--format', 'xml'], 2, /bad --format "xml"/],
    ['nothing-here.csv', [], 2, /nothing-here\.csv: no such file/],
    ['csv', [], 2, /csv is a folder/],
  ])('%s %j: exit %i, one clear line', async (file, flags, code, message) => {
    const r = await rel(['import', fixture(file), ...(flags as string[])]);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(await everyone()).toEqual([]);
  });

  it('a broken card among good ones: the rest import, exit 0, each problem named', async () => {
    const v = await imp(fixture('vcard/one-broken.vcf'));
    expect(v).toMatchObject({ added: 3, merged: 0, skipped: 0 });
    expect(v.problems).toEqual([
      { where: 'card 2 (line 5)', why: 'no name; named by its email' },
      { where: 'card 3 (line 9)', why: 'line 12: not a vCard property: "this line is garbage"; card skipped' },
      { where: 'card 4 (line 14)', why: 'BEGIN:VCARD without END:VCARD; card skipped' },
      { where: 'card 5 (line 17)', why: 'BDAY "1999-02-30" is not a date; birthday ignored' },
    ]);
    expect((await everyone()).map((p) => p.name)).toEqual(['Good One', 'Good Two', 'nobody@example.com']);
  });

  it('a name with a control character is a problem, not an abort; a Latin-1 file is read with a warning', async () => {
    const f = join(tmp.dir, 'odd.csv');
    writeFileSync(f, Buffer.concat([Buffer.from('Name,Email\nBad\u0007Bell,bell@example.com\n'), Buffer.from('Ren\xe9e,renee@example.com\n', 'latin1')]));
    const v = await imp(f);
    expect(v.added).toBe(1);
    expect(v.problems[0]).toEqual({ where: 'file', why: 'not UTF-8: read as Windows-1252 (Latin-1); check accented names' });
    expect(v.problems[1].where).toBe('line 2');
    expect((await everyone()).map((p) => p.name)).toEqual(['Renée']);
  });

  it('UTF-16 with a BOM (Outlook on Windows) is read', async () => {
    const f = join(tmp.dir, 'utf16.csv');
    writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name,Email\nZoë 🎉,zoe@example.com\n', 'utf16le')]));
    expect((await imp(f)).added).toBe(1);
    expect((await everyone())[0]!.name).toBe('Zoë 🎉');
  });
});

describe('rel import: large files', () => {
  const cards = (n: number) =>
    Array.from({ length: n }, (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i} Ñandú\r\nEMAIL:p${i}@example.com\r\nEND:VCARD\r\n`).join('');

  it('10,000 vCards: every one added; again: every one up to date', async () => {
    const f = join(tmp.dir, 'big.vcf');
    writeFileSync(f, cards(10_000));
    expect(await imp(f)).toMatchObject({ added: 10_000, merged: 0, skipped: 0, problems: [] });
    expect(await imp(f)).toMatchObject({ added: 0, merged: 0, skipped: 10_000, skipped_why: { 'already up to date': 10_000 } });
  });

  it('a progress line on stderr only when stderr is a terminal', async () => {
    const f = join(tmp.dir, 'mid.vcf');
    writeFileSync(f, cards(2500));
    for (const tty of [true, false]) {
      mkdirSync(join(tmp.dir, String(tty)));
      const { deps, err, out } = testDeps(join(tmp.dir, String(tty), 'rel.db'));
      deps.stderrIsTTY = tty;
      expect(await main(['import', f], deps)).toBe(0);
      expect(out.text()).toBe('Added 2500, merged 0, skipped 0.\n');
      const created = `rel: created a new database at ${join(tmp.dir, String(tty), 'rel.db')}\n`;
      if (tty) expect(err.text().replace(created, '')).toMatch(/^\r\x1b\[Kimport: matching 2,500 records….*\r\x1b\[K$/s);
      else expect(err.text()).toBe(created);
    }
  });
});

describe('rel import of a rel export that changes between its two reads', () => {
  it('stops with one line naming the file, and the database is as it was', async () => {
    // A rel export over 1 MB, so that a terminal gets the progress line: written after the first read,
    // before the writing reads the file again. The test changes the file at that moment.
    const people = Array.from({ length: 600 }, (_, i) => ({
      id: `p${i}`, name: `Person ${i}`, emails: [], phones: [], tags: [], company: null, title: null, every_days: 30, birthday: null,
      met: null, met_on: null, linkedin_url: null, snoozed_until: null, added_on: '2026-01-01', created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z', facts: [], follow_ups: [], dates: [], wishes: [],
      touchpoints: Array.from({ length: 8 }, (_, k) => ({ id: `t${i}-${k}`, group_id: `g${i}-${k}`, date: '2026-02-01', via: 'call',
        note: 'a long enough note about what was said, so that the file is larger than a megabyte in all', give: null, ask: null,
        intro_to: null, created_at: '2026-02-01T00:00:00.000Z', updated_at: '2026-02-01T00:00:00.000Z' })),
    }));
    const text = `${JSON.stringify({ format: 'rel', version: 1, exported_at: '2026-03-01T00:00:00.000Z', people }, null, 2)}\n`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const file = join(tmp.dir, 'network.json');
    writeFileSync(file, text);
    expect((await rel(['add', 'Maya Chen'])).code).toBe(0);
    const before = (await rel(['export', '--format', 'json'])).json().people;

    const { deps, err } = testDeps(t.db);
    deps.stderrIsTTY = true;
    const write = err.write.bind(err);
    let changed = false;
    err.write = (chunk: string) => {
      if (!changed && chunk.includes('matching')) {
        writeFileSync(file, text.replace('"Person 7"', '"Person 8"')); // another program saves the file
        changed = true;
      }
      return write(chunk);
    };
    expect(await main(['import', file], deps)).toBe(1);
    expect(changed).toBe(true);
    // The progress line is cleared before the error: the error starts a line of its own.
    expect(err.text()).toBe('\r\x1b[Kimport: reading network.json…\r\x1b[Kimport: matching 600 records…\r\x1b[K'
      + `rel: ${file} changed while it was being imported: nothing was imported (run rel import again)\n`);
    expect((await rel(['export', '--format', 'json'])).json().people).toEqual(before);
    // Read again, the file as it is now imports whole.
    expect((await rel(['import', file])).code).toBe(0);
    expect((await rel(['list', '--json'])).json()).toHaveLength(601);
  });
});

describe('where you met, and the LinkedIn profile, after an import', () => {
  it('rel show has them, in JSON and on screen', async () => {
    expect((await rel(['import', fixture('csv/linkedin-current.csv')])).code).toBe(0);
    const all = (await rel(['list', '--json'])).json() as { id: string }[];
    const shown = (await rel(['show', all[0]!.id, '--json'])).json();
    expect(shown.met).toBe('LinkedIn');
    expect(shown.met_on).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(shown.linkedin_url).toMatch(/linkedin\.com\/in\//);
    const screen = (await rel(['show', all[0]!.id])).out;
    expect(screen).toContain(`LinkedIn, ${shown.met_on}`);
    expect(screen).toContain(shown.linkedin_url);
  });
});

describe('item 3: very many unreadable records', () => {
  it('130,000 rows without a name: no crash; 20 problems on stderr and a count; all of them in --json', async () => {
    const f = join(t.dir, 'many.csv');
    writeFileSync(f, `Name,Email,Note\nAna Real,ana@example.com,\n${',,a note and no one\n'.repeat(130_000)}`);
    const human = await rel(['import', f, '--dry-run']);
    expect(human.code, human.err).toBe(0);
    const lines = human.err.trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe('line 3: no name');
    expect(lines[20]).toMatch(/^\.\.\. and 129,980 more: 130,000 problems in .*many\.csv \(all of them with --json\)$/);
    const json = await imp(f, '--dry-run');
    expect(json.problems).toHaveLength(130_000);
    expect(json.added).toBe(1);
  }, 60_000);
});

describe('vCards as Gmail, iCloud, Fastmail and Android write them', () => {
  it('system groups ("myContacts", "My Contacts") are dropped on every path (item 10)', async () => {
    await imp(fixture('vcard/gmail-export.vcf'));
    await imp(fixture('vcard/android-base64.vcf'));
    expect((await everyone()).map((p) => [p.name, p.tags])).toEqual([
      ['+49 151 0000009', []], ['Jörg Müller', []], ['Manu', ['friends']], ['only.email@example.com', []],
    ]);
  });

  it('a group card is a tag on its members, never a person (item 4)', async () => {
    const v = await imp(fixture('vcard/icloud-groups.vcf'));
    expect(v).toMatchObject({ added: 2, problems: [] });
    expect((await everyone()).map((p) => [p.name, p.tags])).toEqual([['Bea Ferreira', ['book-club']], ['Tunde Adeyemi', ['book-club']]]);
  });
});

describe('a name alone never merges records that disagree (item 2)', () => {
  const byName = async (name: string) => (await everyone()).filter((p) => p.name === name);

  it('LinkedIn without URLs: three Kehinde Adekoya connections stay three people; reported as possible duplicates', async () => {
    const v = await imp(fixture('csv/linkedin-2019-no-url.csv'));
    expect(v).toMatchObject({ added: 4, merged: 0, skipped: 0 });
    const k = await byName('Kehinde Adekoya');
    expect(k.map((p) => [p.company, p.met_on])).toEqual(expect.arrayContaining([
      ['Lagos Fintech Ltd', '2019-02-14'], ['Abuja Health Systems', '2019-03-02'], ['Ibadan Agro Co-op', '2019-11-21'],
    ]));
    expect(k).toHaveLength(3);
    expect(v.possible_duplicates).toHaveLength(2);
    expect(v.possible_duplicates[0]).toMatchObject({ where: 'line 3', name: 'Kehinde Adekoya' });
    expect(v.possible_duplicates[1].same_name_as).toHaveLength(2);
    const human = await rel(['import', fixture('csv/linkedin-2019-no-url.csv'), '--dry-run']);
    expect(human.out).toMatch(/skip 4 \(4 already up to date\)/);
    expect((await imp(fixture('csv/linkedin-2019-no-url.csv'))).added).toBe(0);
  });

  it('Google rows "Manu" with two different phones stay two people; the summary names the possible duplicate', async () => {
    const r = await rel(['import', fixture('csv/google-two-manus.csv')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Added 2, merged 0, skipped 0\.\n1 possible duplicate \(same name, other details\); to join two: rel merge WHO PERSON\n  Manu, line 3 \([0-9a-f]{8}\) ~ Manu, line 2 \([0-9a-f]{8}\)\n$/);
    expect((await byName('Manu')).map((p) => p.phones)).toEqual(expect.arrayContaining([['+49 151 1111111'], ['+34 600 222 222']]));
  });

  it('a record that agrees with one of several same-name people merges into that one', async () => {
    await imp(fixture('csv/linkedin-2019-no-url.csv'));
    const f = join(t.dir, 'crm.csv');
    writeFileSync(f, 'Name,Company,Phone\nKehinde Adekoya,abuja health systems,+234 800 000 0300\n');
    const v = await imp(f);
    expect(v).toMatchObject({ added: 0, merged: 1, possible_duplicates: [] });
    expect((await byName('Kehinde Adekoya')).find((p) => p.phones.length > 0)).toMatchObject({ company: 'Abuja Health Systems' });
  });
});

describe('Thunderbird CSV (item 1)', () => {
  const byName = async (name: string) => (await everyone()).filter((p) => p.name === name);

  it.each(['csv/thunderbird.csv', 'csv/thunderbird-semicolon.csv'])('%s: emails, phones and birthdays come in', async (file) => {
    const v = await imp(fixture(file));
    expect(v.format).toBe('thunderbird');
    if (file.endsWith('semicolon.csv')) {
      expect(await byName('Ines Brandt')).toMatchObject([{
        emails: ['ines@example.de'], phones: ['+49 160 0000001'], birthday: '1980-02-29', company: 'Stadtwerke Köln', title: 'Ingenieurin',
      }]);
      return;
    }
    expect(await byName('Tomás Ferreira')).toMatchObject([{
      emails: ['tomas@example.pt', 'tf@work.example'], phones: ['+351 910 000 001', '+351 21 000 0002', '+351 21 000 0003'],
      company: 'Guitarras Lda', title: 'Luthier', birthday: '1988-07-21',
    }]);
    expect(await byName('Mei Lin')).toMatchObject([{ emails: ['mei@example.com'], birthday: '--11-05' }]);
    // Custom 1 holds an address Thunderbird has no field for: reported, with the --map that takes it.
    expect(v.problems).toEqual([{ where: 'column "Custom 1"', why: 'looks like emails but no field takes it; --map email="Custom 1" (with the name columns) would import it' }]);
  });
});

describe('any CSV: a column not used whose values look like emails, phones or dates is a problem (item 1)', () => {
  it('names the column and the --map that would take it', async () => {
    const f = join(t.dir, 'crm.csv');
    writeFileSync(f, 'Name,Courriel,Handy,Geburtstag,Hobby\nAna,ana@example.com,+49 170 1234567,1990-03-14,chess\nBen,,0170 7654321,,\n');
    const v = await imp(f);
    expect(v.problems).toEqual([
      { where: 'column "Courriel"', why: 'looks like emails but no field takes it; --map email="Courriel" (with the name columns) would import it' },
      { where: 'column "Handy"', why: 'looks like phones but no field takes it; --map phone="Handy" (with the name columns) would import it' },
      { where: 'column "Geburtstag"', why: 'looks like dates but no field takes it; --map birthday="Geburtstag" (with the name columns) would import it' },
    ]);
  });
});

describe('Outlook CSV in other languages (item 8)', () => {
  const byName = async (name: string) => (await everyone()).filter((p) => p.name === name);

  it.each([
    ['outlook-de.csv', 'Jürgen Weiß', { emails: ['juergen.weiss@example.de'], phones: ['+49 171 0000001', '+49 89 0000002'], company: 'Müller & Söhne GmbH', title: 'Einkaufsleiter', birthday: '1975-12-24', tags: ['kunden', 'messe'] }, ['Trinkt keinen Kaffee.\nFragt nach dem Hund.']],
    ['outlook-fr-utf16-nobom.csv', 'Hélène Lefèvre', { emails: ['helene.lefevre@example.fr'], phones: ['+33 6 00 00 00 01'], company: 'Crédit Agricole', title: 'Directrice financière', birthday: '1980-02-03', tags: ['clients'] }, ['Préfère le thé.']],
    ['outlook-es.csv', 'Lucía Fernández García', { emails: ['lucia@example.es'], phones: ['+34 600 000 001'], company: 'Telefónica', title: 'Ingeniera', birthday: '1985-02-03', tags: ['trabajo'] }, ['Conocida en el congreso.']],
    ['outlook-it-excel-unicode.txt', 'Giulia Bianchi', { emails: ['giulia@example.it'], birthday: '1985-02-03', tags: ['lavoro'] }, ['Ama il jazz.']],
    ['outlook-it.csv', 'Giulia Bianchi', { emails: ['giulia@example.it'], phones: ['+39 333 000 0001'], company: 'Ferrovie Nord', title: 'Architetta', birthday: '1985-02-03', tags: ['lavoro'] }, ['Ama il jazz.']],
    ['outlook-pt.csv', 'João Gonçalves', { emails: ['joao@example.com.br'], phones: ['+55 21 90000 0001'], company: 'Petrobras', title: 'Geólogo', birthday: '1985-02-03', tags: ['trabalho'] }, ['Torce pelo Flamengo.']],
    ['outlook-nl.csv', 'Sanne de Vries', { emails: ['sanne@example.nl'], phones: ['+31 6 00000001'], company: 'Rijkswaterstaat', title: 'Projectleider', birthday: '1985-02-03', tags: ['werk'] }, ['Fietst naar kantoor.']],
  ])('%s', async (file, name, fields, facts) => {
    const v = await imp(fixture(`csv/${file}`));
    expect(v.format).toBe('outlook');
    const [p] = await byName(name as string);
    expect(p).toMatchObject(fields as object);
    expect((p!.facts as { text: string }[]).map((f) => f.text)).toEqual(facts);
  });
});

describe('small things (item 11)', () => {
  const byName = async (name: string) => (await everyone()).filter((p) => p.name === name);

  it('a company or title with a TAB (or a line break) is cleaned, not dropped', async () => {
    const f = join(t.dir, 'tabs.csv');
    writeFileSync(f, 'Name,Company,Title\nAna Lima,"Acme\tInc.","Head of\r\nSales"\n');
    const v = await imp(f);
    expect(v.problems).toEqual([]);
    expect(await byName('Ana Lima')).toMatchObject([{ company: 'Acme Inc.', title: 'Head of Sales' }]);
  });

  it('UTF-16LE without a BOM is read; a binary file is still refused', async () => {
    const f = join(t.dir, 'nobom.csv');
    writeFileSync(f, Buffer.from('Name,Email\r\nZoë Ångström,zoe@example.com\r\n', 'utf16le'));
    expect((await imp(f)).added).toBe(1);
    expect((await everyone())[0]!.name).toBe('Zoë Ångström');
    const bin = join(t.dir, 'x.bin');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    expect((await rel(['import', bin])).err).toMatch(/binary file/);
  });
});

describe('Thunderbird birthdays', () => {
  const byName = async (name: string) => (await everyone()).filter((p) => p.name === name);

  it('a day that does not exist is a problem; the person is kept', async () => {
    const f = join(t.dir, 'tb.csv');
    const header = 'First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,Home State,Home ZipCode,Home Country,Work Address,Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes,';
    writeFileSync(f, `${header}\r\nAna,Lima,Ana Lima,,,,,,,,,,,,,,,,,,,,,,,,,,,1979,2,29,,,,,,\r\n`);
    const v = await imp(f);
    expect(v.problems).toEqual([{ where: 'line 2', why: 'birthday (Birth Year, Birth Month, Birth Day) "1979-02-29" not understood; kept the person without it' }]);
    expect(await byName('Ana Lima')).toMatchObject([{ birthday: null }]);
  });
});

describe('each LinkedIn row is a connection of its own', () => {
  const byName = async (name: string) => (await everyone()).filter((p) => p.name === name);

  it('two rows with the same name and nothing to tell them apart are two people, reported; again: nothing changes', async () => {
    const f = join(t.dir, 'Connections.csv');
    writeFileSync(f, 'First Name,Last Name,Email Address,Company,Position,Connected On\r\nAna,Silva,,,,12 Mar 2024\r\nAna,Silva,,,,12 Mar 2024\r\n');
    const v = await imp(f);
    expect(v).toMatchObject({ added: 2, merged: 0 });
    expect(v.possible_duplicates).toHaveLength(1);
    expect(await byName('Ana Silva')).toHaveLength(2);
    const again = await imp(f);
    expect(again).toMatchObject({ added: 0, merged: 0 });
    expect(await byName('Ana Silva')).toHaveLength(2);
  });
});

describe('no name: named by the email, else the phone, the same in every format (item 6)', () => {
  it('Google, Outlook, Thunderbird and any CSV say so, as a vCard does', async () => {
    const f = join(t.dir, 'crm.csv');
    writeFileSync(f, 'Name,Email,Phone\n,only@example.com,\n,,+44 20 7946 0000\n');
    const v = await imp(f);
    expect(v.problems).toEqual([
      { where: 'line 2', why: 'no name; named by its email' },
      { where: 'line 3', why: 'no name; named by its phone' },
    ]);
    expect((await everyone()).map((p) => p.name)).toEqual(['+44 20 7946 0000', 'only@example.com']);
  });
});
