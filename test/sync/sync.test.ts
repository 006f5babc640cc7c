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
