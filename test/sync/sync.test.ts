/** rel sync in-process: a contacts vdir and a calendar vdir in a temporary folder. */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';

const t = useTempRel({ now: '2026-03-01T09:00' });
let contacts: string;
let journal: string;
beforeEach(() => {
  contacts = join(t.dir, 'contacts');
  journal = join(t.dir, 'journal');
  mkdirSync(contacts);
  mkdirSync(journal);
});
const sync = (...more: string[]) => t.rel(['sync', '--contacts', contacts, '--journal', journal, '--json', ...more]);
const cards = () => readdirSync(contacts).filter((f) => f.endsWith('.vcf'));
const card = (name: string) => readFileSync(join(contacts, name), 'utf8');

describe('rel sync', () => {
  it('writes a person as a vCard 3.0 named by their id, and a second sync changes nothing', async () => {
    const add = await t.rel(['add', 'Maya Chen', '--email', 'maya@example.com', '--json']);
    const id = add.json().id as string;
    const r = await sync();
    expect(r.err).toBe('');
    expect(r.json().contacts.to_vdir).toEqual(['Maya Chen']);
    expect(cards()).toEqual([`${id}.vcf`]);
    const text = card(`${id}.vcf`);
    expect(text).toContain('VERSION:3.0\r\n');
    expect(text).toContain(`UID:${id}\r\n`);
    expect(text).toContain('EMAIL:maya@example.com\r\n');
    const again = await sync();
    expect(again.json().contacts).toEqual({ to_rel: [], to_vdir: [], conflicts: [], deleted: [], kept: [] });
  });
});

/** A phone's card: a folded PHOTO, grouped and typed properties rel does not own. */
const PHONE = [
  'BEGIN:VCARD', 'VERSION:3.0', 'PRODID:-//Apple Inc.//iPhone OS 18//EN', 'N:Okafor;Tomás;;;', 'FN:Tomás Okafor',
  'item1.EMAIL;type=INTERNET;type=pref:tomas@example.org', 'item1.X-ABLabel:_$!<Other>!$_', 'TEL;type=CELL;type=VOICE:+44 7700 900123',
  'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/',
  ' 2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAARCAABAAEDASIAAhEBAxEB',
  'ADR;type=HOME:;;1 High St;London;;N1 1AA;UK', 'X-CUSTOM;X-PARAM="a:b":kept as is', 'UID:phone-uid-1', 'REV:2026-02-01T10:00:00Z', 'END:VCARD', '',
].join('\r\n');

describe('rel sync with a card made on a phone', () => {
  it('brings it into rel and, when rel writes the card, keeps every line rel does not own byte for byte', async () => {
    writeFileSync(join(contacts, 'phone-uid-1.vcf'), PHONE);
    const first = await sync();
    expect(first.json().contacts.to_rel).toEqual(['Tomás Okafor']);
    const shown = await t.rel(['show', 'tomás', '--json']);
    expect(JSON.stringify(shown.json())).toContain('"id":"phone-uid-1"');
    await t.rel(['edit', 'tomás', '--title', 'Architect', '--email', 'tom@work.example'], { now: '2026-03-02T09:00' });
    const second = await sync();
    expect(second.json().contacts.to_vdir).toEqual(['Tomás Okafor']);
    const text = card('phone-uid-1.vcf');
    const keptLines = PHONE.split('\r\n').filter((l) => !/^(REV|END:VCARD)/.test(l) && l !== '');
    for (const line of keptLines) expect(text).toContain(`${line}\r\n`);
    expect(text).toContain('TITLE:Architect\r\n');
    expect(text).toContain('EMAIL:tom@work.example\r\n');
    expect(text).toMatch(/REV:2026030\dT\d{6}Z\r\n/);
    expect(text).not.toContain("REV:2026-02-01");
  });

  it('a new card is matched to someone rel has by email or phone, never by name alone', async () => {
    await t.rel(['add', 'Tomás Okafor', '--email', 'TOMAS@example.org', '--title', 'CTO']);
    await t.rel(['add', 'Tomás Okafor', '--phone', '+44 (7700) 900-123']);
    await t.rel(['add', 'Tomás Okafor']);
    writeFileSync(join(contacts, 'phone-uid-1.vcf'), PHONE);
    writeFileSync(join(contacts, 'by-phone.vcf'), PHONE.replace('UID:phone-uid-1', 'UID:phone-uid-2').replace(/.*EMAIL.*\r\n/, ''));
    writeFileSync(join(contacts, 'by-name.vcf'), PHONE.replace('UID:phone-uid-1', 'UID:phone-uid-3').replace(/.*(EMAIL|TEL).*\r\n/g, ''));
    await sync();
    // Two cards merged into the people they match; the card with the name alone is someone new; the
    // rel person matched by nothing gets a card of their own.
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(t.db, { readonly: true });
    const people = db.prepare('SELECT id, title FROM people').all() as { id: string; title: string | null }[];
    db.close();
    expect(people).toHaveLength(4);
    expect(cards()).toHaveLength(4);
    // The one matched by email kept rel's id and title, and its card kept the phone's UID.
    expect(people.filter((p) => p.title === 'CTO')).toHaveLength(1);
    expect(card('phone-uid-1.vcf')).toContain('TITLE:CTO\r\n');
    expect(card('by-phone.vcf')).toContain(`UID:phone-uid-2\r\n`);
    expect(card('phone-uid-1.vcf')).toContain('UID:phone-uid-1\r\n');
    expect((await sync()).json().contacts).toEqual({ to_rel: [], to_vdir: [], conflicts: [], deleted: [], kept: [] });
  });

  it('a card without a UID gets rel\'s id as its UID, so every device names the same person', async () => {
    writeFileSync(join(contacts, 'no-uid.vcf'), PHONE.replace('UID:phone-uid-1\r\n', ''));
    expect((await sync()).json().contacts).toMatchObject({ to_rel: ['Tomás Okafor'], to_vdir: [] });
    const id = (await t.rel(['list', '--json'])).json()[0].id as string;
    expect(card('no-uid.vcf')).toContain(`UID:${id}\r\n`);
    expect(card('no-uid.vcf')).toContain('ADR;type=HOME:;;1 High St;London;;N1 1AA;UK\r\n');
    expect((await sync()).json().contacts).toEqual({ to_rel: [], to_vdir: [], conflicts: [], deleted: [], kept: [] });
  });

  it('same field changed on both sides: the newer side wins and the other value is kept as a fact', async () => {
    writeFileSync(join(contacts, 'phone-uid-1.vcf'), PHONE);
    await sync();
    await t.rel(['edit', 'tomás', '--title', 'CTO'], { now: '2026-03-02T09:00' });
    // The phone changes the title later (REV after rel's edit).
    const edited = card('phone-uid-1.vcf').replace('REV:2026-02-01T10:00:00Z', 'TITLE:Founder\r\nREV:2026-03-03T10:00:00Z');
    writeFileSync(join(contacts, 'phone-uid-1.vcf'), edited);
    const merged = await sync();
    expect(merged.json().contacts.conflicts).toEqual(['Tomás Okafor: title "Founder" (the vdir was newer; was: "CTO")']);
    const show = await t.rel(['show', 'tomás', '--json']);
    const person = show.json();
    expect(JSON.stringify(person)).toContain('Founder');
    expect(JSON.stringify(person)).toContain('was: title CTO');
  });
});

describe('rel sync: deletes, dry runs, undo, settings, bad input', () => {
  it('a card deleted in the vdir deletes the person; one with touches is reported until --allow-delete', async () => {
    await t.rel(['add', 'Quiet Person']);
    await t.rel(['add', 'Busy Person']);
    await t.rel(['log', 'busy', '-m', 'lunch']);
    await sync();
    for (const f of cards()) rmSync(join(contacts, f));
    const r = await sync();
    expect(r.json().contacts.deleted).toEqual(['Quiet Person (from rel)']);
    expect(r.json().contacts.kept).toEqual(['Busy Person']);
    const human = await t.rel(['sync', '--contacts', contacts, '--journal', journal]);
    expect(human.out).toContain('kept in rel, as they have touches');
    expect((await t.rel(['list', '--json'])).json().map((p: { name: string }) => p.name)).toEqual(['Busy Person']);
    expect((await sync('--allow-delete')).json().contacts.deleted).toEqual(['Busy Person (from rel)']);
    expect((await t.rel(['list', '--json'])).json()).toEqual([]);
  });

  it('--dry-run says what would change and changes nothing on either side', async () => {
    await t.rel(['add', 'Maya Chen']);
    writeFileSync(join(contacts, 'phone-uid-1.vcf'), PHONE);
    writeFileSync(join(contacts, '.rel-tmp-1-0'), 'BEGIN:VCARD\r\nFN:half'); // left by a killed sync (an older rel)
    writeFileSync(join(contacts, '.maya.vcf.rel-tmp-1-1'), 'BEGIN:VCARD\r\nFN:half'); // the name src/files.ts gives
    const r = await sync('--dry-run');
    expect(readdirSync(contacts)).toEqual(expect.arrayContaining(['.rel-tmp-1-0', '.maya.vcf.rel-tmp-1-1']));
    expect(r.json()).toMatchObject({ dry_run: true, contacts: { to_rel: ['Tomás Okafor'], to_vdir: ['Maya Chen'] } });
    expect(cards()).toEqual(['phone-uid-1.vcf']);
    expect((await t.rel(['list', '--json'])).json().map((p: { name: string }) => p.name)).toEqual(['Maya Chen']);
    expect((await t.rel(['sync', '--contacts', contacts, '--dry-run'])).out).toContain('1 would go into rel');
    await sync();
    expect(readdirSync(contacts).filter((f) => f.startsWith('.'))).toEqual([]); // a real sync tidies them away
  });

  it('a sync is one undoable change', async () => {
    writeFileSync(join(contacts, 'phone-uid-1.vcf'), PHONE);
    await t.rel(['add', 'Maya Chen']);
    await sync();
    expect((await t.rel(['list', '--json'])).json()).toHaveLength(2);
    const undo = await t.rel(['undo']);
    expect(undo.code).toBe(0);
    expect(undo.out).toContain('sync');
    expect((await t.rel(['list', '--json'])).json().map((p: { name: string }) => p.name)).toEqual(['Maya Chen']);
    // The undo took back rel's memory of the files too: the next sync brings Tomás back rather than
    // deleting his card from the phone.
    const again = await sync();
    expect(again.json().contacts).toMatchObject({ to_rel: ['Tomás Okafor'], deleted: [] });
    expect(cards()).toHaveLength(2);
  });

  it('reads the folders from sync.contacts and sync.journal', async () => {
    const env = { XDG_CONFIG_HOME: join(t.dir, 'config') };
    expect((await t.rel(['config', 'set', 'sync.contacts', contacts], { env })).code).toBe(0);
    await t.rel(['add', 'Maya Chen']);
    const r = await t.rel(['sync', '--json'], { env });
    expect(r.json().contacts.to_vdir).toEqual(['Maya Chen']);
    expect(r.json().journal).toBeNull();
    expect((await t.rel(['config', 'set', 'sync.journal', 'relative/dir'], { env })).err).toMatch(/^rel: bad value "relative\/dir" for sync.journal/);
  });

  it.each([
    [['sync'], /^rel: nothing to sync: give --contacts DIR or --journal DIR/],
    [['sync', '--contacts', '/nonexistent/rel-vdir'], /^rel: no vdir at \/nonexistent\/rel-vdir \(vdirsyncer makes it on its first sync/],
  ])('%j is a usage error (exit 2), one line', async (argv, message) => {
    const r = await t.rel(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('rel export --format vcard and the synced cards agree on every field rel owns', async () => {
    await t.rel(['add', 'Maya Chen', '--email', 'maya@example.com', '--phone', '+1 555 0100', '--company', 'Acme', '--title', 'CTO',
      '--tag', 'friends', '--every', '1m', '--birthday', '03-14']);
    await t.rel(['add', 'Li Wei', '--email', 'li@example.org', '--birthday', '1990-07-01']);
    await t.rel(['note', 'maya', 'likes green tea']);
    await sync();
    const { parseVcards } = await import('../../src/formats/vcard.js');
    const { readCard } = await import('../../src/sync/card.js');
    const exported = parseVcards((await t.rel(['export', '--format', 'vcard'])).out).records.map((r) => r.value);
    const synced = cards().map((f) => readCard(card(f))!.person);
    const owned = (p: { name: string; emails: string[]; phones: string[]; company: string | null; title: string | null; tags: string[]; birthday: string | null; every_days: number | null }, facts: string[]) => ({
      name: p.name, emails: p.emails, phones: p.phones, company: p.company, title: p.title, tags: p.tags, birthday: p.birthday, every_days: p.every_days, facts,
    });
    const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName(synced).map((p) => owned(p, p.facts))).toEqual(byName(exported).map((p) => owned(p, p.notes)));
  });
});

describe('rel sync and the structured name (N) of a card', () => {
  const nLine = (text: string) => text.split(/\r?\n/).find((l) => l.startsWith('N:'));
  const exportedN = async () => nLine((await t.rel(['export', '--format', 'vcard'])).out);
  const YAMADA = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:山田 太郎', 'N:山田;太郎;;;', 'EMAIL:taro@example.jp', 'UID:yamada-1',
    'REV:2026-02-01T10:00:00Z', 'END:VCARD', ''].join('\r\n');

  it('keeps the server\'s N: rel exports it, and rewriting the card for another field leaves it', async () => {
    writeFileSync(join(contacts, 'yamada-1.vcf'), YAMADA);
    expect((await sync()).json().contacts.to_rel).toEqual(['山田 太郎']);
    expect(await exportedN()).toBe('N:山田;太郎;;;');
    await t.rel(['edit', '山田', '--title', 'Engineer'], { now: '2026-03-02T09:00' });
    expect((await sync()).json().contacts.to_vdir).toEqual(['山田 太郎']);
    expect(nLine(card('yamada-1.vcf'))).toBe('N:山田;太郎;;;');
    expect((await sync()).json().contacts).toEqual({ to_rel: [], to_vdir: [], conflicts: [], deleted: [], kept: [] });
  });

  it('a card whose N changed on the server: rel keeps the new N', async () => {
    writeFileSync(join(contacts, 'yamada-1.vcf'), YAMADA);
    await sync();
    writeFileSync(join(contacts, 'yamada-1.vcf'), YAMADA.replace('N:山田;太郎;;;', 'N:山田;太郎;;様;').replace('REV:2026-02-01T10:00:00Z', 'REV:2026-03-01T10:00:00Z'));
    expect((await sync()).json().contacts.to_rel).toEqual(['山田 太郎']);
    expect(await exportedN()).toBe('N:山田;太郎;;様;');
  });

  it('writes the N kept from an import, and rel\'s own for a name typed into rel (never split at the last space)', async () => {
    const file = join(t.dir, 'bob.vcf');
    writeFileSync(file, ['BEGIN:VCARD', 'VERSION:3.0', `FN:Dr. O'Brien "Bob" Smith Jr. III`, `N:Smith;O'Brien "Bob";Jr.;Dr.;III`,
      'END:VCARD', ''].join('\r\n'));
    expect((await t.rel(['import', file])).code).toBe(0);
    await t.rel(['add', '山田 花子']);
    await t.rel(['add', 'Maya Chen']);
    await sync();
    const ns = cards().map((f) => nLine(card(f))).sort();
    expect(ns).toEqual(['N:;山田 花子;;;', 'N:Chen;Maya;;;', `N:Smith;O'Brien "Bob";Jr.;Dr.;III`]);
    expect((await sync()).json().contacts).toEqual({ to_rel: [], to_vdir: [], conflicts: [], deleted: [], kept: [] });
  });

  it('a rename in rel drops the kept N: the card gets rel\'s N for the new name', async () => {
    writeFileSync(join(contacts, 'yamada-1.vcf'), YAMADA);
    await sync();
    await t.rel(['edit', '山田', '--name', 'Taro Yamada'], { now: '2026-03-02T09:00' });
    expect((await sync()).json().contacts.to_vdir).toEqual(['Taro Yamada']);
    expect(nLine(card('yamada-1.vcf'))).toBe('N:Yamada;Taro;;;');
    expect(await exportedN()).toBe('N:Yamada;Taro;;;');
  });
});

describe('rel sync with a server that drops what it does not know', () => {
  it('a card that comes back without X-REL-* and CATEGORIES leaves the rhythm, how you met and the tags in rel', async () => {
    await t.rel(['add', 'Maya Chen', '--every', '1m', '--met', 'at RustConf', '--tag', 'friends']);
    await sync();
    const [name] = cards();
    // As Google returns it: its own PRODID, no X- properties, no CATEGORIES, a new phone number.
    const stripped = card(name!).split('\r\n').filter((l) => !/^(X-|CATEGORIES|PRODID)/.test(l)).join('\r\n')
      .replace('END:VCARD', 'TEL:+1 555 0100\r\nEND:VCARD');
    writeFileSync(join(contacts, name!), stripped);
    expect((await sync()).json().contacts.to_rel).toEqual(['Maya Chen']);
    const maya = (await t.rel(['list', '--json'])).json()[0];
    expect(maya).toMatchObject({ every_days: 30, tags: ['friends'] });
    const shown = JSON.stringify((await t.rel(['show', 'maya', '--json'])).json());
    expect(shown).toContain('+1 555 0100');
    expect(shown).toContain('at RustConf');
  });
});

describe('rel sync of the journal', () => {
  const icsFiles = () => readdirSync(journal).filter((f) => f.endsWith('.ics'));
  const ics = (kind: string) => icsFiles().map((f) => join(journal, f)).find((f) => readFileSync(f, 'utf8').includes(`BEGIN:${kind}`))!;

  it('a touch changed on both sides: the newer wins, the other note is kept as a fact of the person', async () => {
    await t.rel(['add', 'Maya Chen']);
    await t.rel(['log', 'maya', '-m', 'coffee']);
    await sync();
    const file = ics('VJOURNAL');
    // rel's edit (an hour after the sync), then the phone's, later still.
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(t.db);
    db.prepare(`UPDATE touchpoints SET note = 'coffee at Tartine', updated_at = '2026-03-01T10:00:00.000Z'`).run();
    db.close();
    writeFileSync(file, readFileSync(file, 'utf8').replace('SUMMARY:coffee', 'SUMMARY:coffee and cake').replace(/LAST-MODIFIED:\w+/, 'LAST-MODIFIED:20260301T110000Z'));
    const r = await sync();
    expect(r.json().journal.conflicts).toEqual(['touch 2026-03-01 with Maya Chen: note "coffee and cake" (the vdir was newer; was: "coffee at Tartine")']);
    const shown = (await t.rel(['show', 'maya'])).out;
    expect(shown).toContain('coffee and cake');
    expect(shown).toContain('was: touch of 2026-03-01: note coffee at Tartine');
    // The fact goes to the card at the next sync.
    await sync();
    expect(card(cards()[0]!)).toContain('was: touch of 2026-03-01: note coffee at Tartine');
  });

  it('an important date is a yearly all-day VEVENT; moved on the phone, it moves in rel', async () => {
    await t.rel(['add', 'Maya Chen']);
    expect((await t.rel(['date', 'maya', 'anniversary', '06-01', '--yearly'])).code).toBe(0);
    await sync();
    const file = ics('VEVENT');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('DTSTART;VALUE=DATE:20000601\r\n');
    expect(text).toContain('RRULE:FREQ=YEARLY\r\n');
    writeFileSync(file, text.replace('DTSTART;VALUE=DATE:20000601', 'DTSTART;VALUE=DATE:20000602'));
    expect((await sync()).json().journal.to_rel).toEqual(['date anniversary --06-02 of Maya Chen']);
    expect((await t.rel(['date', 'maya', '--json'])).out).toContain('--06-02');
  });
});

describe('rel sync output', () => {
  it('names the first 20 of a long list, and the rest by count', async () => {
    for (let i = 1; i <= 23; i++) await t.rel(['add', `Person ${String(i).padStart(2, '0')}`]);
    const r = await t.rel(['sync', '--contacts', contacts]);
    expect(r.out).toContain('contacts: 23 went to the vdir\n');
    expect(r.out).toContain('  Person 20\n  … and 3 more\n');
    expect((await t.rel(['sync', '--contacts', contacts])).out).toBe('In sync: nothing changed.\n');
    expect((await t.rel(['sync', '--contacts', contacts, '-q'])).out).toBe('');
  });
});
