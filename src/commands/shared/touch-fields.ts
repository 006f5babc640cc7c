/** Flags that describe a touch, checked at the edge: its channel (--via) and a give or ask's kind. */
import { CHANNELS, KINDS, type Channel, type Kind } from '../../domain/types.js';
import { UsageError } from '../../errors.js';

export function parseChannel(text: string): Channel {
  const v = text.trim().toLowerCase();
  if ((CHANNELS as readonly string[]).includes(v)) return v as Channel;
  throw new UsageError(`bad channel "${text}": use one of ${CHANNELS.join(', ')}`);
}

export function parseKind(text: string, what: 'give' | 'ask'): Kind {
  const v = text.trim().toLowerCase();
  if ((KINDS as readonly string[]).includes(v)) return v as Kind;
  throw new UsageError(`bad --${what} kind "${text}": use one of ${KINDS.join(', ')}`);
}
