import { describe, expect, it } from 'vitest';
import { commonTags, matchNeeds, stem, MAX_OFFERS_PER_NEED, type NeedOrOffer } from '../../src/domain/match.js';

const item = (id: string, person_id: string, text: string, over: Partial<NeedOrOffer> = {}): NeedOrOffer => ({
  id,
  person_id,
  name: person_id.toUpperCase(),
  text,
  tags: [],
  company: null,
  ...over,
});
const pairs = (needs: NeedOrOffer[], offers: NeedOrOffer[]): string[] =>
  matchNeeds(needs, offers).map((m) => `${m.need.id}>${m.offer.id}`);

describe('stem', () => {
  it.each([
    ['hire', 'hir'], ['hires', 'hir'], ['hired', 'hir'], ['hiring', 'hir'], ['hirer', 'hir'],
    ['engineer', 'engin'], ['engineers', 'engin'],
    ['design', 'design'], ['designer', 'design'], ['designers', 'design'], ['designing', 'design'],
    ['plan', 'plan'], ['planning', 'plan'], ['planned', 'plan'], ['planner', 'plan'],
    ['add', 'add'], ['added', 'add'], ['adding', 'add'],
    ['class', 'class'], ['classes', 'class'], ['business', 'business'],
    ['use', 'use'], ['uses', 'use'], ['fee', 'fee'], ['fees', 'fee'],
    ['company', 'company'], ['companies', 'company'],
    ['sale', 'sal'], ['sales', 'sal'], ['role', 'rol'], ['roles', 'rol'],
    ['backend', 'backend'], ['lisbon', 'lisbon'], ['fulfilling', 'fulfill'], ['red', 'red'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });
});

describe('matchNeeds: what makes a match', () => {
  it('explains shared words, rarest first, as the need wrote them', () => {
    const needs = [item('n1', 'ana', 'Hiring a backend engineer in Lisbon')];
    const offers = [
      item('o1', 'bob', 'Backend engineers in Lisbon, open to hires'),
      item('o2', 'cy', 'I know every engineer in Porto'),
    ];
    const [first, second, ...rest] = matchNeeds(needs, offers);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      need: { id: 'n1', person_id: 'ana', name: 'ANA', text: 'Hiring a backend engineer in Lisbon' },
      offer: { id: 'o1', person_id: 'bob', name: 'BOB', text: 'Backend engineers in Lisbon, open to hires' },
      why: 'shared words: backend, hiring, lisbon, engineer',
    });
    expect(second).toMatchObject({ offer: { id: 'o2' }, why: 'shared words: engineer' });
    expect(first!.score).toBeGreaterThan(second!.score);
  });

  it.each<[string, string, string, string | null]>([
    ['no word in common', 'Need a designer in Berlin', 'Tax advice for freelancers', null],
    ['only stop words and domain filler in common', 'I need help with the move', 'Happy to help with that', null],
    ['words shorter than 3 letters are ignored', 'AI UX in NY', 'ai ux ny', null],
    ['numbers alone are ignored', 'Budget 2026', 'Plans for 2026', null],
    ['accents and case do not matter', 'Moving to São Paulo', 'I grew up in SAO PAULO', 'shared words: paulo, sao'],
    ['punctuation splits words', 'back-end/devops', 'Backend? No: DevOps!', 'shared words: devops'],
    ['plurals and -ing forms meet', 'Looking for investors', 'Angel investor here', 'shared words: investors'],
  ])('%s', (_, needText, offerText, why) => {
    const got = matchNeeds([item('n', 'a', needText)], [item('o', 'b', offerText)]);
    expect(got.map((m) => m.why)).toEqual(why === null ? [] : [why]);
  });

  it('one shared word between two texts scores ln 2', () => {
    const [m] = matchNeeds([item('n', 'a', 'kubernetes')], [item('o', 'b', 'kubernetes')]);
    expect(m!.score).toBe(0.69);
  });

  it('shared tags count, whatever their case or accents, and are named as the need tagged them', () => {
    const got = matchNeeds(
      [item('n', 'a', 'Anything', { tags: ['Tech', 'Café', 'solo'] })],
      [item('o', 'b', 'Something else', { tags: ['tech', 'cafe', ' '] })],
    );
    expect(got).toMatchObject([{ score: 2, why: 'both tagged: Café, Tech' }]);
  });

  it.each<[string, string, string | null, string, string | null, string | null]>([
    ['the need names the offering person\'s company', 'Intro to someone at Stripe?', null, 'Payments know-how', 'Stripe, Inc.',
      'the need mentions Stripe, Inc., where B works'],
    ['the offer names the needing person\'s company', 'Feedback on my pitch', 'Acme Corp', 'I used to consult for ACME', null,
      'the offer mentions Acme Corp, where A works'],
    ['a possessive still mentions it', 'Who knows Stripe\'s CFO', null, 'Finance', 'Stripe', 'the need mentions Stripe, where B works'],
    ['multi-word names must appear whole', 'Anyone at Goldman?', null, 'Banking', 'Goldman Sachs', null],
    ['part of a word is no mention', 'Stripes on the wall', null, 'Interior', 'Stripe', null],
    ['a company that is only a legal form is never found', 'Our company Inc', null, 'Bookkeeping', 'Inc.', null],
  ])('%s', (_, needText, needCompany, offerText, offerCompany, why) => {
    const got = matchNeeds(
      [item('n', 'a', needText, { company: needCompany })],
      [item('o', 'b', offerText, { company: offerCompany })],
    );
    expect(got.map((m) => [m.why, m.score])).toEqual(why === null ? [] : [[why, 2]]);
  });

  it('adds words, tags and company together', () => {
    const got = matchNeeds(
      [item('n', 'a', 'Backend hire at Stripe', { tags: ['tech'] })],
      [item('o', 'b', 'Backend mentoring', { tags: ['tech'], company: 'Stripe' })],
    );
    expect(got).toMatchObject([{ score: 3.69, why: 'shared words: backend; both tagged: tech; the need mentions Stripe, where B works' }]);
  });
});

describe('matchNeeds: who is paired', () => {
  it('never pairs a person with their own offer, even when they both need and offer the same thing', () => {
    const needs = [item('n1', 'ana', 'Rust mentoring')];
    const offers = [item('o1', 'ana', 'Rust mentoring'), item('o2', 'bob', 'Rust mentoring')];
    expect(pairs(needs, offers)).toEqual(['n1>o2']);
  });

  it.each([
    ['no needs', [], [item('o', 'b', 'x')]],
    ['no offers', [item('n', 'a', 'x')], []],
    ['nothing at all', [], []],
    ['empty texts', [item('n', 'a', '')], [item('o', 'b', '')]],
  ])('%s → no matches', (_, needs, offers) => {
    expect(matchNeeds(needs, offers)).toEqual([]);
  });

  it('a rare shared word outranks a common one', () => {
    const needs = [item('n', 'a', 'startup founder needs a lawyer')];
    const offers = [
      item('o1', 'b', 'startup founder'),
      item('o2', 'c', 'startup advice'),
      item('o3', 'd', 'startup jobs'),
      item('o4', 'e', 'lawyer friends'),
    ];
    expect(pairs(needs, offers)).toEqual(['n>o1', 'n>o4', 'n>o2', 'n>o3']);
  });

  it(`keeps at most ${MAX_OFFERS_PER_NEED} offers per need, the best ones`, () => {
    const offers = ['f', 'e', 'd', 'c', 'b', 'a'].map((p, i) => item(`o${i}`, p, i === 5 ? 'golang golang' : 'golang'));
    const extra = item('best', 'z', 'golang kafka');
    const got = pairs([item('n', 'me', 'golang kafka')], [...offers, extra]);
    expect(got).toEqual(['n>best', 'n>o5', 'n>o4', 'n>o3', 'n>o2']);
  });

  it('the cap is per need, not overall', () => {
    const offers = ['b', 'c', 'd', 'e', 'f', 'g'].map((p) => item(`o${p}`, p, 'golang'));
    const got = matchNeeds([item('n1', 'a', 'golang'), item('n2', 'h', 'golang')], offers);
    expect(got).toHaveLength(10);
  });

  it('ties break by need name, offer name, then ids', () => {
    // Two people called Amy (one pair of people is listed once, so n0 and n1 are different people).
    const needs = [item('n2', 'zed', 'golang'), item('n1', 'amy2', 'golang', { name: 'AMY' }), item('n0', 'amy', 'golang')];
    const offers = [item('o2', 'émile', 'golang'), item('o1', 'bob', 'golang')];
    expect(pairs(needs, offers)).toEqual(['n0>o1', 'n1>o1', 'n0>o2', 'n1>o2', 'n2>o1', 'n2>o2']);
  });

  it('the order does not depend on the input order', () => {
    const needs = [item('n1', 'a', 'react native'), item('n2', 'b', 'native speaker'), item('n3', 'c', 'react hooks')];
    const offers = [item('o1', 'd', 'react native dev'), item('o2', 'e', 'native speaker of French'), item('o3', 'a', 'hooks')];
    expect(pairs([...needs].reverse(), [...offers].reverse())).toEqual(pairs(needs, offers));
  });
});

describe('matchNeeds: what is not worth suggesting (issue 11)', () => {
  it('people already introduced to each other (either way round) are not suggested', () => {
    const needs = [item('n1', 'ana', 'backend job in Lisbon'), item('n2', 'cy', 'backend job in Lisbon')];
    const offers = [item('o1', 'bob', 'hires backend engineers in Lisbon')];
    expect(pairs(needs, offers)).toEqual(['n1>o1', 'n2>o1']);
    const got = matchNeeds(needs, offers, { introduced: [['bob', 'ana']] }).map((m) => `${m.need.id}>${m.offer.id}`);
    expect(got).toEqual(['n2>o1']);
  });

  it('a pair of people is listed once, by its best match, whatever the number of offers', () => {
    const needs = [item('n1', 'ana', 'backend job in Lisbon')];
    const offers = [item('o1', 'bob', 'hires backend engineers in Lisbon'), item('o2', 'bob', 'backend mentoring')];
    expect(pairs(needs, offers)).toEqual(['n1>o1']);
  });

  it('a tag held by more than half of everyone is not a reason', () => {
    const common = commonTags([['linkedin', 3], ['Tech', 2], ['tech', 0]], 4);
    expect([...common]).toEqual(['linkedin']);
    const needs = [item('n1', 'ana', 'a job', { tags: ['linkedin', 'tech'] })];
    const offers = [item('o1', 'bob', 'a cat', { tags: ['LinkedIn', 'tech'] })];
    expect(matchNeeds(needs, offers)[0]?.why).toBe('both tagged: linkedin, tech');
    expect(matchNeeds(needs, offers, { commonTags: common })[0]?.why).toBe('both tagged: tech');
    const onlyCommon = [item('o2', 'bob', 'a cat', { tags: ['linkedin'] })];
    expect(matchNeeds(needs, onlyCommon, { commonTags: common })).toEqual([]);
  });

  it('exactly half is not "almost everyone"', () => {
    expect([...commonTags([['friends', 2]], 4)]).toEqual([]);
  });
});

describe('matchNeeds: edges a careless change would move', () => {
  it.each([
    ['ties', 'tie'], ['flies', 'fly'], ['staffs', 'staff'], ['running', 'run'], ['missing', 'miss'], ['buzzing', 'buzz'],
    ['agreeing', 'agre'], ['bus', 'bus'], ['ring', 'ring'],
  ])('stem %s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('three-letter words count, two-letter words and plain numbers do not', () => {
    expect(matchNeeds([item('n', 'a', 'aws 2024')], [item('o', 'b', 'aws 2024')]).map((m) => m.why)).toEqual(['shared words: aws']);
    expect(matchNeeds([item('n', 'a', 'ux 2024')], [item('o', 'b', 'ux 2024')])).toEqual([]);
    expect(matchNeeds([item('n', 'a', 'b2b')], [item('o', 'b', 'b2b')]).map((m) => m.why)).toEqual(['shared words: b2b']);
  });

  it('a two-letter company is looked for, a one-letter one is not', () => {
    const at = (text: string, company: string) => matchNeeds([item('n', 'a', text)], [item('o', 'b', 'Finance', { company })]);
    expect(at('Anyone at HP?', 'HP').map((m) => m.why)).toEqual(['the need mentions HP, where B works']);
    expect(at('Anyone at X', 'X Inc')).toEqual([]);
  });

  it('a company named last in the text is found, and its name is shown trimmed', () => {
    const got = matchNeeds([item('n', 'a', 'Who knows Goldman Sachs')], [item('o', 'b', 'Banking', { company: ' Goldman Sachs ' })]);
    expect(got.map((m) => m.why)).toEqual(['the need mentions Goldman Sachs, where B works']);
  });

  it('when both texts name the other company, it counts once, for the need', () => {
    const got = matchNeeds(
      [item('n', 'a', 'Intro to Stripe', { company: 'Acme' })],
      [item('o', 'b', 'Ex-Acme engineer', { company: 'Stripe' })],
    );
    expect(got.map((m) => [m.why, m.score])).toEqual([['the need mentions Stripe, where B works', 2]]);
  });

  it('a tag given twice on one side counts once, named as first written', () => {
    const got = matchNeeds([item('n', 'a', 'x', { tags: ['Tech', 'TECH'] })], [item('o', 'b', 'y', { tags: ['tech', 'tech'] })]);
    expect(got.map((m) => [m.why, m.score])).toEqual([['both tagged: Tech', 1]]);
  });

  it('shares a word weighted by how rare it is across all texts: ln(1 + texts / texts with it)', () => {
    // 4 texts, "golang" in 2: ln(1 + 4/2) = ln 3 = 1.10; "kafka" in 2 as well.
    const got = matchNeeds([item('n', 'a', 'golang kafka'), item('m', 'c', 'other')], [item('o', 'b', 'golang kafka'), item('p', 'd', 'more')]);
    expect(got.map((m) => [m.score, m.why])).toEqual([[2.2, 'shared words: golang, kafka']]);
  });
});
