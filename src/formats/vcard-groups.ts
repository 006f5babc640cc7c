/** vCard contact groups: a group card becomes a tag on its members. Pure. */
import type { ImportedPerson, ParseResult, Problem } from './types.js';

export const uidKey = (uid: string): string => uid.trim().toLowerCase().replace(/^urn:uuid:/, '');

/** A group becomes a tag (its name) on each member, found by UID or, for `mailto:`, by email. */
export function tagGroupMembers(
  groups: { where: string; name: string; members: string[] }[], records: ParseResult['records'],
  byUid: Map<string, ImportedPerson>, problems: Problem[],
): void {
  if (groups.length === 0) return;
  const byEmail = new Map<string, ImportedPerson>();
  for (const { value } of records) for (const e of value.emails) if (!byEmail.has(e.toLowerCase())) byEmail.set(e.toLowerCase(), value);
  for (const g of groups) {
    for (const member of g.members) {
      const mail = /^mailto:(.*)$/i.exec(member.trim());
      const person = mail ? byEmail.get(mail[1]!.toLowerCase()) : byUid.get(uidKey(member));
      if (person === undefined) problems.push({ where: g.where, why: `group ${JSON.stringify(g.name)}: member ${member} is not in the file` });
      else if (!person.tags.some((t) => t.toLowerCase() === g.name.toLowerCase())) person.tags.push(g.name);
    }
  }
}
