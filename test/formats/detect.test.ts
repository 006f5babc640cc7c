// rel import without --format: which format a file is told to be from its content alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detector } from '../../src/formats/detect.js';

const detect = await detector();
const formatOf = (text: string) => detect(text)?.name ?? null;
const fixture = (name: string, encoding = 'utf-8'): string =>
  new TextDecoder(encoding).decode(readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url)));

describe('detector: real exports', () => {
  it.each([
    ['thunderbird.csv', 'utf-8', 'thunderbird'],
    ['thunderbird-semicolon.csv', 'utf-8', 'thunderbird'],
    ['google-two-manus.csv', 'utf-8', 'google'],
    ['linkedin-2019-no-url.csv', 'utf-8', 'linkedin'],
    ['outlook-de.csv', 'windows-1252', 'outlook'],
    ['outlook-es.csv', 'windows-1252', 'outlook'],
    ['outlook-fr-utf16-nobom.csv', 'utf-16le', 'outlook'],
    ['outlook-it-excel-unicode.txt', 'utf-16le', 'outlook'],
    ['outlook-nl.csv', 'windows-1252', 'outlook'],
  ])('%s is %s', (file, encoding, format) => {
    expect(formatOf(fixture(file, encoding))).toBe(format);
  });
});

describe('detector: where the header may be', () => {
  const linkedin = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Lima,,,,,12 Mar 2024\n';
  const notes = (n: number) => Array.from({ length: n }, (_, i) => `Note ${i + 1}: keep this file safe.\n`).join('');

  it('a header after 19 lines of notes is found (the 20th record)', () => {
    expect(formatOf(notes(19) + linkedin)).toBe('linkedin');
  });

  it('a header after 20 lines of notes is not looked for: the file is not told', () => {
    expect(formatOf(notes(20) + linkedin)).toBeNull();
  });

  it('blank lines before the header do not count as records (within the first 40 lines read)', () => {
    expect(formatOf('\n'.repeat(5) + notes(19) + linkedin)).toBe('linkedin');
  });

  it('a program\'s header in a semicolon or tab file is told by that program', () => {
    expect(formatOf(linkedin.replace(/,/g, ';'))).toBe('linkedin');
    expect(formatOf(linkedin.replace(/,/g, '\t'))).toBe('linkedin');
  });

  it('a CSV that is broken with commas may still be read with semicolons', () => {
    expect(formatOf('Name;Email\n"Ana, "Lima";a@x.example\n')).toBe('csv');
  });
});

describe('detector: what is never a table', () => {
  it('a file with a NUL byte (binary, or UTF-16 read as UTF-8) is not told, however CSV-like the rest', () => {
    expect(formatOf('Name,Email\nAna,a@x.example\n\0')).toBeNull();
    expect(formatOf('N\0a\0m\0e\0,\0E\0m\0a\0i\0l\0\n\0')).toBeNull();
  });

  it('blanks alone are not told; a byte order mark before a header is not part of it', () => {
    expect(formatOf(' \r\n\t\n')).toBeNull();
    expect(formatOf('\uFEFFName,Email\nAna,a@x.example\n')).toBe('csv');
    expect(formatOf('\uFEFFFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAna,Lima,,,,,12 Mar 2024\n')).toBe('linkedin');
  });
});

describe('detector: a generic CSV needs a header row', () => {
  it.each([
    ['Name,Email\nAna,a@x.example\n', 'csv'],
    ['Name\tEmail\nAna\ta@x.example\n', 'csv'],
    ['Name;Email\nAna;a@x.example\n', 'csv'],
    ['  Name , Email \nAna,a@x.example\n', 'csv'],
    // the last line of a file may be the header alone
    ['Name,Email', 'csv'],
    [`Name,${'x'.repeat(64)}\nAna,1\n`, 'csv'],
    ['Nom,Prénom\nLima,Ana\n', 'csv'],
    ['名前,メール\n山田,y@x.example\n', 'csv'],
  ])('%j is a CSV', (text, format) => {
    expect(formatOf(text)).toBe(format);
  });

  it.each([
    // one column: nothing says it is a table
    ['Name\nAna\n'],
    // a header followed by rows of one cell is not a table either
    ['Name,Email\nAna Lima\n'],
    // a cell of 65 characters is a sentence, not a column name
    [`Name,${'x'.repeat(65)}\n1,2\n`],
    // an address or a number is data, not a column name
    ['ana@x.example,Ana\n1,2\n'],
    ['Name,2024\n1,2\n'],
    ['Name,\n1,2\n'],
    ['Name, \n1,2\n'],
  ])('%j is not told', (text) => {
    expect(formatOf(text)).toBeNull();
  });
});
