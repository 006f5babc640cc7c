// rel suggest / rel need: how the words, tags and companies of needs and offers are read, at the edges
// a careless change to the stemmer or the tie-breaks would move.
import { describe, expect, it } from 'vitest';
import { matchNeeds, stem, type NeedOrOffer } from '../../src/domain/match.js';

const item = (id: string, person_id: string, text: string, over: Partial<NeedOrOffer> = {}): NeedOrOffer => ({
  id, person_id, name: person_id.toUpperCase(), text, tags: [], company: null, ...over,
});
const why = (needs: NeedOrOffer[], offers: NeedOrOffer[]) => matchNeeds(needs, offers).map((m) => m.why);

describe('stem: doubled consonants', () => {
  it.each([
    ['bottled', 'bottl'], ['bottles', 'bottl'], // a double inside the word is not undoubled
    ['allotted', 'allot'], ['allotting', 'allot'], // ll earlier in the word does not stop undoubling the end
    ['gaffes', 'gaff'], ['gaffe', 'gaff'], // -es never undoubles
  ])('%s → %s', (word, expected) => expect(stem(word)).toBe(expected));
});

describe('matchNeeds: words', () => {
  it('words that mix letters and digits count, wherever the digits are', () => {
    expect(why([item('n', 'a', 'mp3 and 2fa help')], [item('o', 'b', '2fa mp3')])).toEqual(['shared words: 2fa, mp3']);
  });

  it('a shared word is shown as the need first wrote it', () => {
    expect(why([item('n', 'a', 'hiring, hired, hires')], [item('o', 'b', 'hire')])).toEqual(['shared words: hiring']);
  });
});

describe('matchNeeds: tags and companies', () => {
  it('a blank tag is no tag; a tag is named trimmed', () => {
    expect(why([item('n', 'a', 'x', { tags: ['  '] })], [item('o', 'b', 'y', { tags: [' '] })])).toEqual([]);
    expect(why([item('n', 'a', 'x', { tags: [' Tech '] })], [item('o', 'b', 'y', { tags: ['tech'] })])).toEqual(['both tagged: Tech']);
  });

  it('a company is mentioned only when all its words are, in a row', () => {
    const offer = item('o', 'b', 'Banking', { company: 'Goldman Sachs' });
    expect(why([item('n', 'a', 'Anyone at Goldman?')], [offer])).toEqual([]);
    expect(why([item('n', 'a', 'Sachs and Goldman')], [offer])).toEqual([]);
    expect(why([item('n', 'a', 'Goldman Sachs intro')], [offer])).toEqual(['the need mentions Goldman Sachs, where B works']);
  });

  it("the need's own company, when the offer mentions it, is shown trimmed", () => {
    const got = why([item('n', 'a', 'A new role', { company: ' Acme ' })], [item('o', 'b', 'Ex-Acme engineer')]);
    expect(got).toEqual(['the offer mentions Acme, where A works']);
  });
});

describe('matchNeeds: names that fold alike', () => {
  it('José and Jose tie on the folded name, then sort as written', () => {
    const offers = [item('o', 'z', 'golang')];
    const needs = [item('n1', 'p1', 'golang', { name: 'José' }), item('n2', 'p2', 'golang', { name: 'Jose' })];
    expect(matchNeeds(needs, offers).map((m) => m.need.name)).toEqual(['Jose', 'José']);
  });
});
