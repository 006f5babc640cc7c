/**
 * rel sync against the real engine: a Radicale server (CardDAV + CalDAV) on a free loopback port with its
 * own storage, and vdirsyncer carrying two "devices" (each its own rel database and vdirs) to and from
 * it. Spawns the built bin/rel.js (npm test builds first). Without radicale or vdirsyncer the tests are
 * skipped on a workstation and FAIL in CI (CI is set): .ci/run installs them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, spawnRel, tempDir } from '../helpers.js';

const missing = ['radicale', 'vdirsyncer'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
const USER = 'dev';

if (missing.length > 0 && process.env.CI) {
  describe('rel sync with Radicale and vdirsyncer', () => {
    it('has radicale and vdirsyncer installed (CI must run these tests)', () => {
      throw new Error(`missing in CI: ${missing.join(', ')} (.ci/run installs them with apt-get)`);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Device {
  name: string;
  dir: string;
  db: string;
  contacts: string;
  journal: string;
  conf: string;
}

describe.skipIf(missing.length > 0)('rel sync with Radicale and vdirsyncer', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: ChildProcess;
  let base: string;
  let A: Device;
  let B: Device;

  const device = (name: string): Device => {
    const dir = join(tmp.dir, name);
    const d = { name, dir, db: join(dir, 'rel.db'), contacts: join(dir, 'contacts'), journal: join(dir, 'journal'), conf: join(dir, 'vdirsyncer.conf') };
    for (const f of [d.contacts, d.journal, join(dir, 'status')]) mkdirSync(f, { recursive: true });
    const storage = (pair: string, ext: string, local: string, type: string, url: string, extra = '') => `
[pair ${pair}]
a = "${pair}_local"
b = "${pair}_remote"
collections = null
conflict_resolution = "b wins"

[storage ${pair}_local]
type = "filesystem"
path = "${local}/"
fileext = "${ext}"

[storage ${pair}_remote]
type = "${type}"
url = "${url}"
username = "${USER}"
password = "unused"
${extra}`;
    writeFileSync(
      d.conf,
      `[general]\nstatus_path = "${join(dir, 'status')}/"\n` +
        storage('contacts', '.vcf', d.contacts, 'carddav', `${base}/${USER}/contacts/`) +
        storage('journal', '.ics', d.journal, 'caldav', `${base}/${USER}/journal/`, 'item_types = ["VEVENT", "VTODO", "VJOURNAL"]\n'),
    );
    vdirsyncer(d, 'discover');
    return d;
  };

  function vdirsyncer(d: Device, command: string): void {
    const r = spawnSync('vdirsyncer', ['-c', d.conf, command], { input: '', encoding: 'utf8', env: { ...process.env, HOME: d.dir } });
    if (r.status !== 0) throw new Error(`vdirsyncer ${command} (${d.name}) failed: ${r.stderr}`);
  }
  const rel = (d: Device, ...argv: string[]) => spawnRel(argv, { REL_DB: d.db, HOME: d.dir });
  const relSync = (d: Device, ...more: string[]) => {
    const r = rel(d, 'sync', '--contacts', d.contacts, '--journal', d.journal, '--json', ...more);
    if (r.code !== 0) throw new Error(`rel sync (${d.name}) failed: ${r.err}`);
    return r.json();
  };
  /** What cron does on a device: vdirsyncer sync && rel sync && vdirsyncer sync. */
  const cycle = (d: Device, ...more: string[]) => {
    vdirsyncer(d, 'sync');
    const view = relSync(d, ...more);
    vdirsyncer(d, 'sync');
    return view;
  };
  const query = <T>(d: Device, sql: string, ...args: unknown[]): T[] => {
    const db = new Database(d.db, { readonly: true });
    try {
      return db.prepare(sql).all(...args) as T[];
    } finally {
      db.close();
    }
  };
  const dav = (path: string, init: RequestInit = {}) =>
    fetch(`${base}/${USER}/${path}`, { ...init, headers: { authorization: `Basic ${btoa(`${USER}:x`)}`, ...init.headers } });
  const idOf = (d: Device, name: string) => query<{ id: string }>(d, 'SELECT id FROM people WHERE name = ?', name)[0]!.id;
  /** Edits a card on the server as a phone does: GET, then PUT with If-Match. */
  const phoneEdit = async (path: string, edit: (text: string) => string) => {
    const got = await dav(path);
    expect(got.status).toBe(200);
    const etag = got.headers.get('etag')!;
    const put = await dav(path, { method: 'PUT', body: edit(await got.text()), headers: { 'if-match': etag, 'content-type': 'text/vcard' } });
    expect(put.status).toBeLessThan(300);
  };

  beforeAll(async () => {
    tmp = tempDir();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const store = join(tmp.dir, 'radicale');
    for (const [name, tag] of [['contacts', 'VADDRESSBOOK'], ['journal', 'VCALENDAR']]) {
      mkdirSync(join(store, 'collection-root', USER, name!), { recursive: true });
      const props = tag === 'VCALENDAR' ? { tag, 'C:supported-calendar-component-set': 'VEVENT,VTODO,VJOURNAL' } : { tag };
      writeFileSync(join(store, 'collection-root', USER, name!, '.Radicale.props'), JSON.stringify(props));
    }
    const config = join(tmp.dir, 'radicale.conf');
    writeFileSync(
      config,
      `[server]\nhosts = 127.0.0.1:${port}\nssl = False\n[auth]\ntype = none\n[rights]\ntype = owner_only\n` +
        `[storage]\nfilesystem_folder = ${store}\n[web]\ntype = none\n[logging]\nlevel = warning\n`,
    );
    server = spawn('radicale', ['-C', config], { stdio: 'ignore' });
    for (let i = 0; ; i++) {
      try {
        if ((await dav('')).status < 500) break;
      } catch {
        if (i > 100) throw new Error('radicale did not start');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    A = device('A');
    B = device('B');
  }, 60_000);

  afterAll(() => {
    server?.kill();
    tmp?.cleanup();
  });

  it('a person added in rel A appears in rel B after A syncs, vdirsyncer runs, and B syncs', () => {
    expect(rel(A, 'add', 'Maya Chen', '--email', 'maya@example.com', '--phone', '+1 555 0100', '--tag', 'friends').code).toBe(0);
    expect(cycle(A).contacts.to_vdir).toEqual(['Maya Chen']);
    expect(cycle(B).contacts.to_rel).toEqual(['Maya Chen']);
    const shown = rel(B, 'show', 'maya', '--json');
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('maya@example.com');
    expect(idOf(B, 'Maya Chen')).toBe(idOf(A, 'Maya Chen')); // one id on every device
  }, 120_000);

  it('a card edited on the server (a PHOTO added, TEL changed) comes into rel, and the PHOTO stays after rel writes', async () => {
    const path = `contacts/${idOf(A, 'Maya Chen')}.vcf`;
    await phoneEdit(path, (t) =>
      t.replace(/TEL[^\r\n]*\r?\n/, 'TEL;TYPE=CELL:+1 555 0199\r\nPHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBD\r\n'));
    expect(cycle(A).contacts.to_rel).toEqual(['Maya Chen']);
    expect(query<{ phones: string }>(A, 'SELECT phones FROM people WHERE name = ?', 'Maya Chen')[0]!.phones).toBe('["+1 555 0199"]');
    expect(rel(A, 'edit', 'maya', '--title', 'Architect').code).toBe(0);
    expect(cycle(A).contacts.to_vdir).toEqual(['Maya Chen']);
    const card = await (await dav(path)).text();
    expect(card).toContain('TITLE:Architect');
    expect(card.replace(/\r?\n[ \t]/g, '')).toContain('PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/2wBD');
    expect(card).toContain('TEL;TYPE=CELL:+1 555 0199');
    // The same card in rel export and in the vdir: every field rel owns agrees.
    const exported = rel(A, 'export', '--format', 'vcard');
    expect(exported.out).toContain('TITLE:Architect');
    expect(exported.out).toContain('+1 555 0199');
  }, 120_000);

  it('a touch logged on A shows in B\'s rel show', () => {
    expect(rel(A, 'log', 'maya', '-m', 'coffee at Tartine; she starts at Acme in May', '--via', 'call', '--give', 'advice').code).toBe(0);
    expect(cycle(A).journal.to_vdir).toHaveLength(1);
    expect(cycle(B).journal.to_rel).toHaveLength(1);
    const shown = rel(B, 'show', 'maya');
    expect(shown.out).toContain('coffee at Tartine; she starts at Acme in May');
    expect(query<{ via: string; give: string }>(B, 'SELECT via, give FROM touchpoints')[0]).toEqual({ via: 'call', give: 'advice' });
  }, 120_000);

  it('a follow-up completed as a VTODO on the server closes in rel', async () => {
    expect(rel(A, 'log', 'maya', '-m', 'send her the deck', '--follow-up', '2w').code).toBe(0);
    cycle(A);
    const open = query<{ id: string }>(A, 'SELECT id FROM follow_ups WHERE closed_by IS NULL');
    expect(open).toHaveLength(1);
    const file = readdirSync(A.journal).find((f) => readFileSync(join(A.journal, f), 'utf8').includes('BEGIN:VTODO'))!;
    await phoneEdit(`journal/${file}`, (t) => t.replace('STATUS:NEEDS-ACTION', 'STATUS:COMPLETED\r\nCOMPLETED:20261201T100000Z'));
    cycle(A);
    expect(query(A, 'SELECT id FROM follow_ups WHERE closed_by IS NULL')).toHaveLength(0);
    // B learns of the follow-up as done.
    cycle(B);
    expect(query(B, 'SELECT id FROM follow_ups WHERE closed_by IS NULL')).toHaveLength(0);
  }, 120_000);

  it('the same field edited on both sides: the newer wins, the other value is kept as a fact "was: …"', async () => {
    expect(rel(A, 'edit', 'maya', '--company', 'Acme').code).toBe(0);
    const path = `contacts/${idOf(A, 'Maya Chen')}.vcf`;
    // The phone's edit is later (its REV is in the future of rel's edit).
    await phoneEdit(path, (t) => t.replace(/REV:[^\r\n]*/, 'REV:20991231T000000Z').replace(/\r\nEND:VCARD/, '\r\nORG:Globex\r\nEND:VCARD'));
    const view = cycle(A);
    expect(view.contacts.conflicts).toEqual(['Maya Chen: company "Globex" (the vdir was newer; was: "Acme")']);
    const facts = query<{ text: string }>(A, 'SELECT text FROM facts').map((f) => f.text);
    expect(facts).toContain('was: company Acme');
    expect(query<{ company: string }>(A, 'SELECT company FROM people')[0]!.company).toBe('Globex');
    expect(await (await dav(path)).text()).toContain('was: company Acme');
  }, 120_000);

  it('deletes go both ways; a person with touches is reported, not deleted, without --allow-delete', async () => {
    expect(rel(A, 'add', 'Sam Doe', '--email', 'sam@example.com').code).toBe(0);
    // (vdirsyncer refuses to sync a collection that was emptied completely: Kim and her touch stay.)
    expect(rel(A, 'add', 'Kim Keep').code).toBe(0);
    expect(rel(A, 'log', 'kim', '-m', 'hello').code).toBe(0);
    cycle(A);
    cycle(B);
    expect(query(B, 'SELECT id FROM people WHERE name = ?', 'Sam Doe')).toHaveLength(1);
    // Deleted in rel A: gone from the server, then from rel B.
    expect(rel(A, 'rm', 'sam', '--yes').code).toBe(0);
    expect(cycle(A).contacts.deleted).toEqual(['Sam Doe (from the vdir)']);
    expect((await dav(`contacts/${idOf(B, 'Sam Doe')}.vcf`)).status).toBe(404);
    expect(cycle(B).contacts.deleted).toEqual(['Sam Doe (from rel)']);
    expect(query(B, 'SELECT id FROM people WHERE name = ?', 'Sam Doe')).toHaveLength(0);
    // Maya has touches: her card deleted on the server is reported, until --allow-delete.
    const maya = idOf(B, 'Maya Chen');
    expect((await dav(`contacts/${maya}.vcf`, { method: 'DELETE' })).status).toBeLessThan(300);
    const kept = cycle(B);
    expect(kept.contacts.kept).toEqual(['Maya Chen']);
    expect(query(B, 'SELECT id FROM people WHERE id = ?', maya)).toHaveLength(1);
    expect(cycle(B, '--allow-delete').contacts.deleted).toEqual(['Maya Chen (from rel)']);
    expect(query(B, 'SELECT id FROM people WHERE id = ?', maya)).toHaveLength(0);
    expect(query(B, 'SELECT id FROM touchpoints WHERE person_id = ?', maya)).toHaveLength(0);
  }, 120_000);

  it('a sync killed (SIGKILL) part-way, then run again, converges without duplicates', async () => {
    for (const n of ['Ana', 'Ben', 'Cy', 'Dee', 'Eve', 'Fay']) expect(rel(B, 'add', `${n} Kill`, '--email', `${n}@kill.example`).code).toBe(0);
    vdirsyncer(B, 'sync');
    // Each round leaves at least 7 files to write (6 new people, 1 edit): killed after the first, in the
    // middle, and after the last file (before rel's commit).
    for (const after of [1, 4, 7]) {
      expect(rel(B, 'edit', 'ana kill', '--title', `Title ${after}`).code).toBe(0);
      for (let i = 1; i <= 6; i++) expect(rel(B, 'add', `New${after}-${i} Kill`).code).toBe(0);
      await killDuring(B, after);
      relSync(B);
      const people = query<{ n: number }>(B, 'SELECT COUNT(*) AS n FROM people')[0]!.n;
      expect(readdirSync(B.contacts).filter((f) => f.endsWith('.vcf'))).toHaveLength(people);
      expect(readdirSync(B.contacts).filter((f) => !f.endsWith('.vcf'))).toEqual([]); // no temporary file left
      const again = relSync(B);
      expect(again.contacts).toEqual({ to_rel: [], to_vdir: [], conflicts: [], deleted: [], kept: [] });
    }
    cycle(B);
    cycle(A);
    const names = (d: Device) => query<{ name: string }>(d, `SELECT name FROM people WHERE name LIKE '%Kill' ORDER BY name`).map((p) => p.name);
    expect(names(A)).toHaveLength(6 + 18);
    expect(names(A)).toEqual(names(B));
    expect(new Set(names(A)).size).toBe(names(A).length);
    expect(query<{ title: string }>(A, 'SELECT title FROM people WHERE name = ?', 'Ana Kill')[0]!.title).toBe('Title 7');
  }, 180_000);

  /** Starts a rel sync that pauses after `after` files, and SIGKILLs it there. */
  function killDuring(d: Device, after: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'sync', '--contacts', d.contacts, '--journal', d.journal], {
        env: { PATH: process.env.PATH, HOME: d.dir, REL_DB: d.db, REL_SYNC_PAUSE_AFTER: String(after) },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      const torn: string[] = [];
      child.stderr!.on('data', (b: Buffer) => {
        err += b.toString();
        if (!err.includes('sync paused')) return;
        // Paused mid-sync, as vdirsyncer would find the folder: every card whole, no temporary file
        // with a name vdirsyncer would pick up.
        for (const f of readdirSync(d.contacts)) {
          if (f.endsWith('.vcf') && !/END:VCARD\s*$/.test(readFileSync(join(d.contacts, f), 'utf8'))) torn.push(f);
        }
        child.kill('SIGKILL');
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`not killed (exit ${code}): ${err}`));
        else if (torn.length > 0) reject(new Error(`half-written cards: ${torn.join(', ')}`));
        else resolve();
      });
    });
  }
});
