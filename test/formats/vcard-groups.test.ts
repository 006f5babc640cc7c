// Contact groups in vCard files: a group becomes a tag on each member, found however the program wrote it.
import { describe, expect, it } from 'vitest';
import { parseVcards } from '../../src/formats/vcard.js';

const card = (...lines: string[]): string => ['BEGIN:VCARD', 'VERSION:4.0', ...lines, 'END:VCARD', ''].join('\r\n');
const tags = (text: string) => {
  const r = parseVcards(text);
  return { tags: r.records.map((x) => [x.value.name, x.value.tags]), problems: r.problems };
};

describe('contact groups', () => {
  it('a member is found by UID in any case, with or without urn:uuid:, and by address after MAILTO: in any case', () => {
    const text = card('FN:Ana', 'UID:urn:uuid:AAAA-1') + card('FN:Bo', 'UID:bbbb-2') + card('FN:Cy', 'EMAIL:Cy@X.example') +
      card('KIND:group', 'FN:Team', 'MEMBER:aaaa-1', 'MEMBER:URN:UUID:BBBB-2', 'MEMBER:MAILTO:cy@x.example');
    expect(tags(text)).toEqual({ tags: [['Ana', ['Team']], ['Bo', ['Team']], ['Cy', ['Team']]], problems: [] });
  });

  it('a member already tagged with the group\'s name (in another case) is not tagged twice', () => {
    const text = card('FN:Ana', 'UID:a', 'CATEGORIES:team') + card('KIND:group', 'FN:Team', 'MEMBER:urn:uuid:a', 'MEMBER:urn:uuid:a');
    expect(tags(text)).toEqual({ tags: [['Ana', ['team']]], problems: [] });
  });

  it('two groups tag the same member with both names; the group cards are never people', () => {
    const text = card('FN:Ana', 'UID:a') + card('KIND:GROUP', 'FN:Book Club', 'MEMBER:urn:uuid:a') +
      card('X-ADDRESSBOOKSERVER-KIND:group', 'FN:Climbing', 'X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:a');
    expect(tags(text)).toEqual({ tags: [['Ana', ['Book Club', 'Climbing']]], problems: [] });
  });

  it('an address shared by two people tags the first of them', () => {
    const text = card('FN:Ana', 'EMAIL:home@x.example') + card('FN:Bo', 'EMAIL:home@x.example') + card('KIND:group', 'FN:Family', 'MEMBER:mailto:home@x.example');
    expect(tags(text).tags).toEqual([['Ana', ['Family']], ['Bo', []]]);
  });

  it('a member address that nobody has is a problem naming the group and the member', () => {
    expect(tags(card('FN:Ana', 'EMAIL:a@x.example') + card('KIND:group', 'FN:Team', 'MEMBER:mailto:zed@x.example')).problems)
      .toEqual([{ where: 'card 2 (line 6)', why: 'group "Team": member mailto:zed@x.example is not in the file' }]);
  });

  it('a member written with spaces around it (a hand-edited file) is still found, by UID and by address', () => {
    const text = card('FN:Ana', 'UID:a') + card('FN:Cy', 'EMAIL:cy@x.example') +
      card('KIND:group', 'FN:Team', 'MEMBER: urn:uuid:A ', 'MEMBER:  mailto:cy@x.example ');
    expect(tags(text)).toEqual({ tags: [['Ana', ['Team']], ['Cy', ['Team']]], problems: [] });
  });

  it('only a member that starts with mailto: is an address; urn:uuid: is taken off only at the start', () => {
    // UIDs are any text: these hold "mailto:" and "urn:uuid:" in the middle, and each names its own card.
    for (const [first, second] of [[card('FN:Bo', 'UID:1urn:uuid:2'), card('FN:Cy', 'UID:12')], [card('FN:Cy', 'UID:12'), card('FN:Bo', 'UID:1urn:uuid:2')]]) {
      const text = card('FN:Ana', 'UID:x-mailto:ana') + first + second + card('KIND:group', 'FN:Team', 'MEMBER:x-mailto:ana', 'MEMBER:12');
      const { tags: got, problems } = tags(text);
      expect(problems).toEqual([]);
      expect(Object.fromEntries(got)).toEqual({ Ana: ['Team'], Bo: [], Cy: ['Team'] });
    }
  });

  it('a card of KIND individual is a person', () => {
    expect(tags(card('KIND:individual', 'FN:Ana')).tags).toEqual([['Ana', []]]);
  });

  it('a group without members tags nobody and says nothing', () => {
    expect(tags(card('FN:Ana', 'UID:a') + card('KIND:group', 'FN:Empty'))).toEqual({ tags: [['Ana', []]], problems: [] });
  });
});
