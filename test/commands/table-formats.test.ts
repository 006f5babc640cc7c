// Not per command: --format, -q and colour rules shared by every command that prints a table.
import { describe, expect, it } from 'vitest';
import { useTempRel } from '../helpers.js';
import { emptyOnMarch1 } from './fixtures.js';

describe('--format plain|tsv and -q on the read commands that print tables', () => {
  // A settings file of our own (empty): what another test left in $HOME must not change the output.
  const t = useTempRel({ now: '2026-03-04T09:00', env: { XDG_CONFIG_HOME: '/nonexistent-rel-test-config' } });
  const seed = async () => {
    await t.rel(['add', 'Maya Chen', '--every', '2w', '--company', 'Acme', '--tag', 'friends', '--tag', 'lisbon']);
    await t.rel(['add', 'José Núñez']);
    await t.rel(['log', 'maya', '-m', 'lunch\ttabs', '--give', 'intro', '--on', '2026-03-01']);
    await t.rel(['log', 'maya', '--ask', 'advice', '--on', '2026-03-02']);
  };

  it('rel list --format tsv: a header of the JSON field names, lists joined, tabs escaped', async () => {
    await seed();
    const r = await t.rel(['list', '--format', 'tsv']);
    const [head, ...rows] = r.out.trimEnd().split('\n');
    expect(head).toBe('id\tname\ttags\tevery_days\tlast_touch\tcompany\temails');
    const json = (await t.rel(['list', '--json'])).json();
    expect(rows.map((l) => l.split('\t')[1])).toEqual(json.map((p: { name: string }) => p.name));
    expect(rows[1]!.split('\t').slice(2, 6)).toEqual(['friends, lisbon', '14', '2026-03-02', 'Acme']);
  });

  it('rel list --format plain: one line per person, no colour even on a terminal', async () => {
    await seed();
    const r = await t.rel(['list', '--format', 'plain'], { stdoutIsTTY: true, columns: 80 });
    expect(r.out).toBe('José Núñez — never touched\nMaya Chen (Acme) — every 2w, last touch 2 days ago\n');
  });

  it('rel ledger --format tsv and plain; with WHO, one line per give or ask', async () => {
    await seed();
    expect((await t.rel(['ledger', '--format', 'tsv'])).out).toMatch(
      /^id\tname\tgives\tasks\tbalance\tlast_give\tlast_ask\tasked_first\n[0-9a-f-]{36}\tMaya Chen\t1\t1\t0\t2026-03-01\t2026-03-02\tfalse\n$/,
    );
    expect((await t.rel(['ledger', '--format', 'plain'])).out).toBe('Maya Chen — gave 1, asked 1, balance even\n');
    expect((await t.rel(['ledger', 'maya', '--format', 'tsv'])).out).toBe(
      'date\ttype\tkind\tnote\tvia\n2026-03-01\tgive\tintro\tlunch\\ttabs\tmeeting\n2026-03-02\task\tadvice\t\tmeeting\n',
    );
    expect((await t.rel(['ledger', 'maya', '--format', 'plain'])).out).toBe('2026-03-01 — gave intro: lunch\ttabs\n2026-03-02 — asked advice\n');
  });

  it('-q prints nothing at all when there is nothing, whatever the format, and no summary lines', async () => {
    for (const argv of [['list'], ['ledger'], ['list', '--tag', 'nobody']]) {
      for (const format of ['table', 'plain', 'tsv']) {
        const r = await t.rel([...argv, '-q', '--format', format]);
        expect(r.code).toBe(0);
        expect(r.out).toBe('');
      }
    }
    await seed();
    const list = await t.rel(['list', '-q']);
    expect(list.out).not.toMatch(/people/);
    expect(list.out.split('\n')).toHaveLength(4); // header, two people, the final newline
    const ledger = await t.rel(['ledger', '-q']);
    expect(ledger.out).not.toMatch(/You gave/);
  });

  it('--json and --format that disagree are refused (exit 2)', async () => {
    const r = await t.rel(['list', '--json', '--format', 'tsv']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('rel: --json and --format tsv disagree: use one of them\n');
    expect((await t.rel(['ledger', '--format', 'csv'])).code).toBe(2);
  });
});

describe('output', () => {
  const { rel } = emptyOnMarch1();

  it('no colour when stdout is not a terminal, or under NO_COLOR; colour on a terminal', async () => {
    await rel(['add', 'Maya', '--every', '1w']);
    const plain = await rel(['due'], { now: '2026-04-01' });
    expect(plain.out).not.toMatch(/\x1b\[/);
    expect((await rel(['due'], { now: '2026-04-01', stdoutIsTTY: true, env: { NO_COLOR: '1' } })).out).not.toMatch(/\x1b\[/);
    expect((await rel(['due'], { now: '2026-04-01', stdoutIsTTY: true })).out).toMatch(/\x1b\[/);
    expect((await rel(['due', '--json'], { now: '2026-04-01', stdoutIsTTY: true })).out).not.toMatch(/\x1b\[/);
  });

  it('--help and --version exit 0 with examples', async () => {
    const help = await rel(['log', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Examples:\n  rel log maya/);
    expect((await rel(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await rel([])).code).toBe(0);
  });
});
