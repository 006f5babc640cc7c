/**
 * Record ids: random UUIDs, so that two machines' databases can later merge without clashes.
 * People see the first 8 characters. globalThis.crypto loads node:crypto only when an id is made,
 * which keeps it off the start-up path of read-only commands.
 */
export const newId = (): string => globalThis.crypto.randomUUID();
