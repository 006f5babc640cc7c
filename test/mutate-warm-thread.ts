/**
 * `npm run mutate` only (imported by vitest.mutate.config.ts): one warm vitest worker thread per
 * Stryker test runner, instead of a new one for every mutant.
 *
 * Why: StrykerJS's vitest runner calls `vitest.start()` once per mutant, and vitest 4 starts a fresh
 * worker thread for each call and ends it afterwards. Booting that thread (Node's internals, the vitest
 * runtime, chai, then the test file) cost about 0.25 s of CPU per mutant here, while the tests a mutant
 * runs take a few milliseconds: it was most of the time of a run.
 *
 * How: ThreadsPoolWorker (exported by vitest/node, and the class vitest's pool uses) is patched so that
 * after a *mutant* run the thread is not told to stop nor terminated, and the next run's "start" is
 * answered at once on the same thread. Each run still sends its own files, name filter and provided
 * values (the active mutant), and with `isolate` on (the default) the thread re-evaluates the test
 * files and everything under src/ for each file, as a new thread would: only node_modules (vitest,
 * date-fns, ical.js) stay loaded. The dry run, which measures coverage, runs as before (a new thread
 * per file). On a timeout Stryker ends the whole runner process, thread included.
 *
 * test/mutate-setup.ts clears the previous run's mutant before each file, as a new thread has none.
 * Checked mutant by mutant against runs without it: the same statuses for all 922 mutants of seven
 * src/formats files and the 101 of src/domain/important-dates.ts (README, "Mutation testing").
 * Written against vitest 4.1; if vitest changes these internals the patch turns itself off (the
 * methods it needs are missing) and runs take their old time.
 */
import { ThreadsPoolWorker } from 'vitest/node';
import type { Worker } from 'node:worker_threads';

interface Message {
  type?: string;
  context?: { config?: { testNamePattern?: unknown }; providedContext?: { mode?: unknown }; files?: { testNamePattern?: unknown }[] };
}
interface PatchedWorker {
  _thread?: Worker;
  thread: Worker;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const proto = ThreadsPoolWorker.prototype as unknown as Record<string, unknown>;
const original = { start: proto.start, stop: proto.stop, send: proto.send } as Record<string, ((this: unknown, ...a: unknown[]) => unknown) | undefined>;
const usable = typeof original.start === 'function' && typeof original.stop === 'function' && typeof original.send === 'function';

/** A thread free for the next run; at most one (a Stryker test runner runs one file at a time). */
let idle: Worker | undefined;
/** Threads that were started for real, and those whose "stop" was only pretended, to keep them. */
const booted = new WeakSet<Worker>();
const kept = new WeakSet<Worker>();
let lastMode: unknown;
let namePattern: unknown;
/** A run the thread has not finished yet (a cancelled run goes on until its current test ends). */
const running = new WeakMap<Worker, Promise<void>>();
const finished = new WeakMap<Worker, () => void>();

const reply = (thread: Worker, type: 'started' | 'stopped') =>
  queueMicrotask(() => thread.emit('message', { type, __vitest_worker_response__: true }));

/** Follows the thread's runs: "run" sent, "testfileFinished" received. */
function track(thread: Worker): void {
  thread.on('message', (m: Message) => {
    if (m?.type === 'testfileFinished') finished.get(thread)?.();
  });
}

if (usable) {
  proto.start = async function (this: PatchedWorker): Promise<void> {
    if (idle) {
      this._thread = idle; // already piped to the logger by the worker that started it
      idle = undefined;
      return;
    }
    await original.start!.call(this);
    track(this.thread);
  };

  proto.send = function (this: PatchedWorker, message: Message): void {
    const thread = this.thread;
    if (message?.type === 'start') {
      namePattern = message.context?.config?.testNamePattern;
      if (booted.has(thread)) return reply(thread, 'started');
      booted.add(thread);
    }
    if (message?.type === 'run') {
      lastMode = message.context?.providedContext?.mode;
      // The worker reads the name filter from the config of its first start: send this run's own.
      for (const f of message.context?.files ?? []) f.testNamePattern ??= namePattern;
      running.set(thread, new Promise((resolve) => finished.set(thread, () => { running.delete(thread); resolve(); })));
    }
    if (message?.type === 'stop' && lastMode === 'mutant') {
      // As the worker itself does on "stop": let a cancelled run (a test failed: bail) end first.
      void (running.get(thread) ?? Promise.resolve()).then(() => {
        kept.add(thread);
        reply(thread, 'stopped');
      });
      return;
    }
    original.send!.call(this, message);
  };

  proto.stop = async function (this: PatchedWorker): Promise<void> {
    const thread = this._thread;
    if (thread !== undefined && kept.has(thread) && !running.has(thread) && idle === undefined) {
      kept.delete(thread);
      // Keep it: drop the listeners of the runner that is done with it, follow its runs again.
      for (const event of ['message', 'error', 'exit', 'messageerror', 'online']) thread.removeAllListeners(event);
      track(thread);
      thread.unref(); // a kept thread must not keep the runner process alive at the end
      this._thread = undefined;
      idle = thread;
      return;
    }
    await original.stop!.call(this); // a thread stopped mid-run (forced), or one too many: ended
  };
}
