/**
 * The pager, as git and gh have it. On a terminal, output taller than the screen goes through
 * $REL_PAGER, else the setting `pager`, else $PAGER, else `less -FRX` (LESS=FRX when LESS is unset, as
 * git sets it: quit if one screen, keep colour, leave the text on the screen). Never when stdout is not a
 * terminal, nor with --no-pager or `pager` set to off. Output is held until it is taller than the screen,
 * so a short answer never starts a pager; if the pager cannot start, rel prints directly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import type { Writer } from '../deps.js';

export interface PagerSetup {
  env: Readonly<Record<string, string | undefined>>;
  out: Writer;
  err: Writer;
  stdoutIsTTY: boolean;
  /** The screen's height in lines. */
  rows?: number;
  /** --no-pager: false. */
  enabled: boolean;
  /** The setting `pager`: a command, or "off"; undefined when not set. */
  configured?: string | null;
}

export interface Pager {
  write(text: string): void;
  /** Ends the output: prints what was held, or closes the pager and waits for the user to quit it. */
  end(): Promise<void>;
}

/** The pager command in effect, or null for none. */
export function pagerCommand(s: Pick<PagerSetup, 'env' | 'configured'>): string | null {
  const cmd = s.env.REL_PAGER ?? s.configured ?? s.env.PAGER ?? 'less -FRX';
  const t = cmd.trim();
  return t === '' || t === 'cat' || t === 'off' ? null : t;
}

/** Is the command's program on PATH (or a file that exists)? A command sh cannot find is no pager. */
function findable(cmd: string, env: PagerSetup['env']): boolean {
  const program = cmd.split(/\s+/)[0]!;
  if (/[|&;<>()$`"'\\=]/.test(program)) return true; // shell syntax: let sh say
  const runnable = (f: string) => {
    try {
      accessSync(f, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (program.includes('/')) return runnable(isAbsolute(program) ? program : join(process.cwd(), program));
  return (env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && runnable(join(dir, program)));
}

export function pager(s: PagerSetup): Pager {
  const direct: Pager = { write: (t) => s.out.write(t), end: async () => {} };
  const cmd = s.enabled && s.stdoutIsTTY ? pagerCommand(s) : null;
  if (cmd === null) return direct;
  const screen = Math.max(1, (s.rows ?? 24) - 1);
  let held: string[] = [];
  let lines = 0;
  let child: ChildProcess | undefined;
  let closed: Promise<void> | undefined;
  let broken = false; // the pager went away (the user quit it): the rest is not wanted
  let failed = false; // it never started: print directly

  const start = () => {
    if (!findable(cmd, s.env)) {
      failed = true;
      return;
    }
    try {
      child = spawn('sh', ['-c', cmd], {
        stdio: ['pipe', 'inherit', 'inherit'],
        env: { ...s.env, LESS: s.env.LESS ?? 'FRX', LV: s.env.LV ?? '-c' },
      });
    } catch {
      failed = true;
      return;
    }
    closed = new Promise((resolve) => {
      child!.on('error', () => {
        failed = true;
        resolve();
      });
      child!.on('close', () => resolve());
    });
    child.stdin!.on('error', () => {
      broken = true; // EPIPE: quit before the end
    });
  };

  const send = (text: string) => {
    if (failed) return s.out.write(text);
    if (!broken) child!.stdin!.write(text);
  };

  return {
    write(text) {
      if (child || failed) return send(text);
      held.push(text);
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
      if (lines < screen) return;
      start();
      const all = held.join('');
      held = [];
      send(all);
    },
    async end() {
      if (!child && !failed) {
        s.out.write(held.join(''));
        held = [];
        return;
      }
      if (child && !failed) {
        child.stdin!.end();
        await closed;
      }
    },
  };
}
