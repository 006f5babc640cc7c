/** `rel log` with no WHO in a terminal: asks for everything through the injected prompter. */
import type { Ctx } from '../../app.js';
import { loadConfig } from '../../config.js';
import { parseFutureDay, parsePastDay } from '../../domain/dates.js';
import { foldName, matchName } from '../../domain/names.js';
import { defaultEveryDays } from '../../domain/settings.js';
import { cleanName, cleanNote } from '../../domain/text.js';
import { CHANNELS, KINDS, type Channel, type Day, type Kind } from '../../domain/types.js';
import { UsageError } from '../../errors.js';
import { newId } from '../../store/ids.js';
import { everyoneByName } from '../../store/people.js';
import type { Who } from './who.js';
import type { FollowUpMode } from '../../domain/follow-ups.js';

/** Someone met: found in the database, or (the interactive rel log) a new person to add with the touch. */
export type LogPerson = Who & { add?: { every_days: number | null } };

/** A touch to log, checked: what the flags of rel log or its questions give. */
export interface LogOptions {
  people: LogPerson[];
  note: string | null;
  via: Channel;
  date: Day;
  give: Kind | null;
  ask: Kind | null;
  followUp: Day | null;
  /** What the touch does to open follow-ups (domain/follow-ups.ts); `auto` unless a flag says. */
  followUpMode: FollowUpMode;
}

const validate = (check: (v: string) => unknown) => (v: string) => {
  try {
    check(v);
    return true as const;
  } catch (e) {
    return e instanceof UsageError ? e.message : String(e);
  }
};

export async function askForLog(ctx: Ctx): Promise<LogOptions> {
  const { prompt } = ctx.deps;
  const everyone = everyoneByName(ctx.db());
  const every_days = defaultEveryDays(loadConfig(ctx.deps)) ?? null; // as rel add gives a new person
  const people: LogPerson[] = [];
  for (;;) {
    const left = everyone.filter((p) => !people.some((q) => q.id === p.id));
    const person = await prompt.search<LogPerson>({
      message: people.length ? 'Who else?' : 'Who did you meet? (type a name; a new one can be added)',
      source: (term) => {
        const found = (foldName(term) === '' ? left : matchName(term, left)).slice(0, 50).map((p) => ({ name: p.name, value: p as LogPerson }));
        const add = newcomer(term, [...everyone, ...people]);
        return add ? [...found, { name: `+ add "${add}" as a new person`, value: { id: newId(), name: add, add: { every_days } } }] : found;
      },
    });
    people.push(person);
    if (left.length <= 1 || !(await prompt.confirm({ message: 'Anyone else there?', default: false }))) break;
  }
  const via = await prompt.select({ message: 'How?', choices: CHANNELS.map((c) => ({ name: c, value: c })) });
  const onText = await prompt.input({ message: 'When?', default: 'today', validate: validate((v) => parsePastDay(v, ctx.today)) });
  const date = parsePastDay(onText, ctx.today);
  const noteText = await prompt.input({ message: 'What was said? (enter to skip)' , validate: validate((v) => v.trim() && cleanNote(v)) });
  const kindChoices = [{ name: 'nothing', value: null as Kind | null }, ...KINDS.map((k) => ({ name: k, value: k as Kind | null }))];
  const give = await prompt.select({ message: 'Did you give something?', choices: kindChoices });
  const ask = await prompt.select({ message: 'Did you ask for something?', choices: kindChoices });
  const fu = await prompt.input({
    message: 'Follow up when? (friday, a date: from today; 2w: from the touch; enter for none)',
    validate: validate((v) => v.trim() && parseFutureDay(v, date, ctx.today)),
  });
  return {
    people,
    via,
    date,
    note: noteText.trim() ? cleanNote(noteText) : null,
    give,
    ask,
    followUp: fu.trim() ? parseFutureDay(fu, date, ctx.today) : null,
    followUpMode: 'auto',
  };
}

/** The name typed, if it can be a new person: a valid name that is not exactly someone's already. */
function newcomer(term: string, known: { name: string }[]): string | null {
  if (foldName(term) === '') return null;
  let name: string;
  try {
    name = cleanName(term);
  } catch {
    return null; // not a name rel would store: offer nothing
  }
  return known.some((p) => foldName(p.name) === foldName(name)) ? null : name;
}
