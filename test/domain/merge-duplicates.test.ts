import { describe, expect, it } from 'vitest';
import { disagree, type MergeFields } from '../../src/domain/merge.js';

const base: MergeFields = {
  name: 'Manu', emails: [], phones: [], tags: [], company: null, title: null, birthday: null, met: null, met_on: null,
  linkedin_url: null, every_days: null,
};

describe('disagree: when a name alone may not join two records', () => {
  it.each([
    ['other emails', { emails: ['a@x.org'] }, { emails: ['b@x.org'] }, true],
    ['one shared email', { emails: ['a@x.org', 'c@x.org'] }, { emails: ['A@x.org'] }, false],
    ['other phones', { phones: ['+49 151 1111111'] }, { phones: ['+34 600 222 222'] }, true],
    ['the same phone written otherwise', { phones: ['+49 151 1111111'] }, { phones: ['0049 (151) 111-1111'] }, false],
    ['other companies', { company: 'Acme' }, { company: 'Initech' }, true],
    ['the same company, other case and spaces', { company: 'Abuja  Health' }, { company: 'abuja health' }, false],
    ['other connection days', { met_on: '2019-02-14' }, { met_on: '2019-03-02' }, true],
    ['one side without details', {}, { emails: ['a@x.org'], company: 'Acme', met_on: '2019-02-14' }, false],
    ['other titles only', { title: 'CTO' }, { title: 'CEO' }, false],
  ])('%s: %j vs %j -> %s', (_what, a, b, expected) => {
    expect(disagree({ ...base, ...a }, { ...base, ...b })).toBe(expected);
    expect(disagree({ ...base, ...b }, { ...base, ...a })).toBe(expected);
  });
});
