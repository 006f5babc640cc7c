// Outlook CSV in the languages Outlook ships most: what each column of a real export becomes.
// The fixtures are decoded here as rel import decodes them (Windows-1252, UTF-16LE, UTF-8).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outlookLanguage, parseOutlook } from '../../src/formats/outlook.js';

const fixture = (name: string, encoding: string): string =>
  new TextDecoder(encoding).decode(readFileSync(new URL(`../fixtures/csv/${name}`, import.meta.url)));

describe('parseOutlook: real exports in six languages', () => {
  it.each([
    ['outlook-de.csv', 'windows-1252', {
      name: 'Jürgen Weiß', emails: ['juergen.weiss@example.de'], phones: ['+49 171 0000001', '+49 89 0000002'],
      company: 'Müller & Söhne GmbH', title: 'Einkaufsleiter', birthday: '1975-12-24', tags: ['Kunden', 'Messe'],
      notes: ['Trinkt keinen Kaffee.\nFragt nach dem Hund.'],
    }],
    ['outlook-fr-utf16-nobom.csv', 'utf-16le', {
      name: 'Hélène Lefèvre', emails: ['helene.lefevre@example.fr'], phones: ['+33 6 00 00 00 01'],
      company: 'Crédit Agricole', title: 'Directrice financière', birthday: '1980-02-03', tags: ['Clients'], notes: ['Préfère le thé.'],
    }],
    ['outlook-es.csv', 'windows-1252', {
      name: 'Lucía Fernández García', emails: ['lucia@example.es'], phones: ['+34 600 000 001'],
      company: 'Telefónica', title: 'Ingeniera', birthday: '1985-02-03', tags: ['Trabajo'], notes: ['Conocida en el congreso.'],
      vcard_n: 'Fernández García;Lucía;;;', // two family names: kept as Outlook had them (issue 12)
    }],
    ['outlook-it.csv', 'windows-1252', {
      name: 'Giulia Bianchi', emails: ['giulia@example.it'], phones: ['+39 333 000 0001'],
      company: 'Ferrovie Nord', title: 'Architetta', birthday: '1985-02-03', tags: ['Lavoro'], notes: ['Ama il jazz.'],
    }],
    ['outlook-it-excel-unicode.txt', 'utf-16le', {
      name: 'Giulia Bianchi', emails: ['giulia@example.it'], phones: ['+39 333 000 0001'],
      company: 'Ferrovie Nord', title: 'Architetta', birthday: '1985-02-03', tags: ['Lavoro'], notes: ['Ama il jazz.'],
    }],
    ['outlook-pt.csv', 'utf-8', {
      name: 'João Gonçalves', emails: ['joao@example.com.br'], phones: ['+55 21 90000 0001'],
      company: 'Petrobras', title: 'Geólogo', birthday: '1985-02-03', tags: ['Trabalho'], notes: ['Torce pelo Flamengo.'],
    }],
    ['outlook-nl.csv', 'windows-1252', {
      name: 'Sanne de Vries', emails: ['sanne@example.nl'], phones: ['+31 6 00000001'],
      company: 'Rijkswaterstaat', title: 'Projectleider', birthday: '1985-02-03', tags: ['Werk'], notes: ['Fietst naar kantoor.'],
      vcard_n: 'de Vries;Sanne;;;', // a family name with a particle: kept as Outlook had it (issue 12)
    }],
  ])('%s: the first contact, every field', (file, encoding, expected) => {
    const { records } = parseOutlook(fixture(file, encoding));
    expect(records[0]).toEqual({
      where: 'line 2',
      value: { met: null, met_on: null, linkedin_url: null, every_days: null, last_touch: null, ...expected },
    });
  });

  it('German: 0.0.00 is no birthday, and a contact without a job has no title', () => {
    const { records, problems } = parseOutlook(fixture('outlook-de.csv', 'windows-1252'));
    expect(records[1]).toMatchObject({ value: { name: 'Anna Schäfer', emails: ['anna.schaefer@example.de'], birthday: null, title: null, company: 'Klinikum Süd' } });
    expect(problems).toEqual([]);
  });
});

/**
 * One contact with a number in every phone column Outlook writes and an address in each e-mail column,
 * in the wizard's (scrambled) column order. Phones come out most personal first; faxes and pagers stay out.
 */
const everyColumn: [lang: string, header: Record<string, string>, phones: string[]][] = [
  ['en', {
    'First Name': 'Ana', 'Middle Name': 'B.', 'Last Name': 'Cruz', Suffix: 'Jr.', Company: 'Acme', 'Job Title': 'Engineer',
    'Business Fax': '+1 555 0199', 'Business Phone': '+1 555 0103', 'Business Phone 2': '+1 555 0104', 'Car Phone': '+1 555 0108',
    'Home Phone': '+1 555 0105', 'Home Phone 2': '+1 555 0106', 'Mobile Phone': '+1 555 0101', 'Other Phone': '+1 555 0107',
    Pager: '+1 555 0198', 'Primary Phone': '+1 555 0102', 'E-mail Address': 'a@x.example', 'E-mail 2 Address': 'b@x.example',
    'E-mail 3 Address': 'c@x.example', Birthday: '2/3/1985', Categories: 'Work;Friends', Notes: 'Hi.',
  }, ['+1 555 0101', '+1 555 0102', '+1 555 0103', '+1 555 0104', '+1 555 0105', '+1 555 0106', '+1 555 0107', '+1 555 0108']],
  ['de', {
    Vorname: 'Ana', 'Weitere Vornamen': 'B.', Nachname: 'Cruz', Suffix: 'Jr.', Firma: 'Acme', Position: 'Engineer',
    'Fax geschäftlich': '+49 30 99', 'Telefon geschäftlich': '+49 30 03', 'Telefon geschäftlich 2': '+49 30 04', Autotelefon: '+49 30 08',
    'Telefon (privat)': '+49 30 05', 'Telefon (privat 2)': '+49 30 06', Mobiltelefon: '+49 30 01', 'Weiteres Telefon': '+49 30 07',
    Haupttelefon: '+49 30 02', 'Mobiltelefon 2': '+49 30 09', 'E-Mail-Adresse': 'a@x.example', 'E-Mail 2: Adresse': 'b@x.example',
    'E-Mail 3: Adresse': 'c@x.example', Geburtstag: '3.2.1985', Kategorien: 'Work;Friends', Notizen: 'Hi.',
  }, ['+49 30 01', '+49 30 02', '+49 30 03', '+49 30 04', '+49 30 05', '+49 30 06', '+49 30 07', '+49 30 08', '+49 30 09']],
  ['fr', {
    Titre: 'Mme', Prénom: 'Ana', 'Deuxième prénom': 'B.', Nom: 'Cruz', Suffixe: 'Jr.', Société: 'Acme', 'Titre ': 'Engineer',
    'Télécopie (bureau)': '+33 1 99', 'Téléphone (bureau)': '+33 1 03', 'Téléphone 2 (bureau)': '+33 1 04', 'Téléphone (voiture)': '+33 1 08',
    'Téléphone (domicile)': '+33 1 05', 'Téléphone 2 (domicile)': '+33 1 06', 'Tél. mobile': '+33 1 01', 'Téléphone (autre)': '+33 1 07',
    'Téléphone principal': '+33 1 02', 'Adresse de messagerie': 'a@x.example', 'Adresse de messagerie 2': 'b@x.example',
    'Adresse de messagerie 3': 'c@x.example', Anniversaire: '03/02/1985', Catégories: 'Work;Friends', Notes: 'Hi.',
  }, ['+33 1 01', '+33 1 02', '+33 1 03', '+33 1 04', '+33 1 05', '+33 1 06', '+33 1 07', '+33 1 08']],
  ['es', {
    Nombre: 'Ana', 'Segundo nombre': 'B.', Apellidos: 'Cruz', Sufijo: 'Jr.', Organización: 'Acme', Puesto: 'Engineer',
    'Fax del trabajo': '+34 9 99', 'Teléfono del trabajo': '+34 9 03', 'Teléfono del trabajo 2': '+34 9 04', 'Teléfono del automóvil': '+34 9 08',
    'Teléfono particular': '+34 9 05', 'Teléfono particular 2': '+34 9 06', 'Teléfono móvil': '+34 9 01', 'Otro teléfono': '+34 9 07',
    'Teléfono principal': '+34 9 02', 'Dirección de correo electrónico': 'a@x.example', 'Dirección de correo electrónico 2': 'b@x.example',
    'Dirección de correo electrónico 3': 'c@x.example', Cumpleaños: '3/2/1985', Categorías: 'Work;Friends', Notas: 'Hi.',
  }, ['+34 9 01', '+34 9 02', '+34 9 03', '+34 9 04', '+34 9 05', '+34 9 06', '+34 9 07', '+34 9 08']],
  ['it', {
    Nome: 'Ana', 'Secondo nome': 'B.', Cognome: 'Cruz', Suffisso: 'Jr.', Società: 'Acme', Posizione: 'Engineer',
    'Fax (uff.)': '+39 02 99', Ufficio: '+39 02 03', 'Ufficio 2': '+39 02 04', 'Telefono auto': '+39 02 08',
    Abitazione: '+39 02 05', 'Abitazione 2': '+39 02 06', Cellulare: '+39 02 01', 'Altro telefono': '+39 02 07',
    'Telefono principale': '+39 02 02', 'Indirizzo posta elettronica': 'a@x.example', 'Indirizzo posta elettronica 2': 'b@x.example',
    'Indirizzo posta elettronica 3': 'c@x.example', Compleanno: '3/2/1985', Categorie: 'Work;Friends', Notes: 'Hi.',
  }, ['+39 02 01', '+39 02 02', '+39 02 03', '+39 02 04', '+39 02 05', '+39 02 06', '+39 02 07', '+39 02 08']],
  ['pt', {
    Nome: 'Ana', 'Segundo Nome': 'B.', Sobrenome: 'Cruz', Sufixo: 'Jr.', Empresa: 'Acme', Cargo: 'Engineer',
    'Fax comercial': '+55 21 99', 'Telefone comercial': '+55 21 03', 'Telefone comercial 2': '+55 21 04', 'Telefone do carro': '+55 21 08',
    'Telefone residencial': '+55 21 05', 'Telefone residencial 2': '+55 21 06', 'Telefone celular': '+55 21 01', 'Outro telefone': '+55 21 07',
    'Telefone principal': '+55 21 02', 'Endereço de email': 'a@x.example', 'Endereço de email 2': 'b@x.example',
    'Endereço de email 3': 'c@x.example', Aniversário: '3/2/1985', Categorias: 'Work;Friends', Observações: 'Hi.',
  }, ['+55 21 01', '+55 21 02', '+55 21 03', '+55 21 04', '+55 21 05', '+55 21 06', '+55 21 07', '+55 21 08']],
  ['nl', {
    Voornaam: 'Ana', 'Middelste naam': 'B.', Achternaam: 'Cruz', Achtervoegsel: 'Jr.', Bedrijf: 'Acme', Functie: 'Engineer',
    'Fax op werk': '+31 20 99', 'Telefoon op werk': '+31 20 03', 'Telefoon op werk 2': '+31 20 04', Autotelefoon: '+31 20 08',
    'Telefoon thuis': '+31 20 05', 'Telefoon thuis 2': '+31 20 06', 'Mobiele telefoon': '+31 20 01', 'Andere telefoon': '+31 20 07',
    Hoofdtelefoon: '+31 20 02', 'E-mailadres': 'a@x.example', 'E-mailadres 2': 'b@x.example',
    'E-mailadres 3': 'c@x.example', Verjaardag: '3-2-1985', Categorieën: 'Work;Friends', Notities: 'Hi.',
  }, ['+31 20 01', '+31 20 02', '+31 20 03', '+31 20 04', '+31 20 05', '+31 20 06', '+31 20 07', '+31 20 08']],
];

/** A CSV of one header and one row; French has "Titre" twice (written "Titre " above to keep both keys). */
const csv = (cells: Record<string, string>, sep = ','): string => {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `${Object.keys(cells).map((k) => quote(k.trim())).join(sep)}\r\n${Object.values(cells).map(quote).join(sep)}\r\n`;
};

describe('parseOutlook: every column of one contact, per language', () => {
  it.each(everyColumn)('%s', (_lang, cells, phones) => {
    const { records } = parseOutlook(csv(cells));
    expect(records).toEqual([{
      where: 'line 2',
      value: {
        name: 'Ana B. Cruz Jr.', emails: ['a@x.example', 'b@x.example', 'c@x.example'], phones, company: 'Acme', title: 'Engineer',
        birthday: '1985-02-03', tags: ['Work', 'Friends'], notes: ['Hi.'],
        met: null, met_on: null, linkedin_url: null, every_days: null, last_touch: null, vcard_n: 'Cruz;Ana;B.;;Jr.',
      },
    }]);
  });

  it.each([
    ['en', 'First Name,Last Name,Nickname,E-mail Address,Mobile Phone', ',,Bibi,,'],
    ['de', 'Vorname,Nachname,Spitzname,E-Mail-Adresse,Mobiltelefon', ',,Bibi,,'],
    ['fr', 'Prénom,Nom,Surnom,Adresse de messagerie,Tél. mobile', ',,Bibi,,'],
    ['es', 'Nombre,Apellidos,Apodo,Dirección de correo electrónico,Teléfono móvil', ',,Bibi,,'],
    ['it', 'Nome,Cognome,Soprannome,Indirizzo posta elettronica,Cellulare', ',,Bibi,,'],
    ['pt', 'Nome,Sobrenome,Apelido,Endereço de email,Telefone celular', ',,Bibi,,'],
    ['nl', 'Voornaam,Achternaam,Bijnaam,E-mailadres,Mobiele telefoon', ',,Bibi,,'],
  ])('%s: a contact with only a nickname is named by it', (_lang, header, row) => {
    expect(parseOutlook(`${header}\r\n${row}\r\n`)).toEqual({
      records: [{ where: 'line 2', value: expect.objectContaining({ name: 'Bibi' }) }], problems: [],
    });
  });

  it.each([
    ['Compañía'], ['Empresa'],
  ])('Spanish: the company column may be called %s', (column) => {
    const text = `Nombre;Apellidos;Dirección de correo electrónico;Teléfono móvil;${column}\r\nAna;Cruz;;;Acme\r\n`;
    expect(parseOutlook(text).records[0]!.value.company).toBe('Acme');
  });

  it.each([
    ['it', 'Nome,Secondo nome,Cognome,Note', 'Ana,,Cruz,Ama il jazz.'],
    ['pt', 'Nome,Segundo Nome,Sobrenome,Notas', 'Ana,,Cruz,Torce pelo Flamengo.'],
  ])('%s: the other name of the notes column is read too', (_lang, header, row) => {
    expect(parseOutlook(`${header}\r\n${row}\r\n`).records[0]!.value.notes).toEqual([row.split(',')[3]]);
  });

  it('a nickname is not used when the contact has a name', () => {
    const text = 'First Name,Middle Name,Last Name,Nickname\r\nAna,,Cruz,Bibi\r\n';
    expect(parseOutlook(text).records[0]!.value.name).toBe('Ana Cruz');
  });

  it('a contact with only a phone is named by it, and the problem says so', () => {
    const text = 'First Name,Middle Name,Last Name,Mobile Phone,Home Phone\r\n,,,,+1 555 0105\r\n';
    expect(parseOutlook(text)).toEqual({
      records: [{ where: 'line 2', value: expect.objectContaining({ name: '+1 555 0105', phones: ['+1 555 0105'] }) }],
      problems: [{ where: 'line 2', why: 'no name; named by its phone' }],
    });
  });

  it('the same phone in two columns, or the same address in two cases, comes once', () => {
    const text = 'First Name,Middle Name,Last Name,E-mail Address,E-mail 2 Address,Mobile Phone,Home Phone\r\n' +
      'Ana,,Cruz,Ana@X.example,ana@x.example,+1 555 0101,+1 555 0101\r\n';
    expect(parseOutlook(text).records[0]!.value).toMatchObject({ emails: ['Ana@X.example'], phones: ['+1 555 0101'] });
  });

  it('categories separated by commas (Outlook.com) are tags too; a blank one is dropped', () => {
    const text = 'First Name,Middle Name,Last Name,Categories\r\nAna,,Cruz,"Work, Friends;;Family"\r\n';
    expect(parseOutlook(text).records[0]!.value.tags).toEqual(['Work', 'Friends', 'Family']);
  });
});

describe('outlookLanguage: telling an Outlook header and its language', () => {
  it.each([
    ['First Name,Middle Name,Last Name,Company', 'First Name'],
    ['Title,First Name,Middle Name,Last Name', 'First Name'],
    ['Anrede,Vorname,Weitere Vornamen,Nachname', 'Vorname'],
    ['Titre,Prénom,Deuxième prénom,Nom', 'Prénom'],
    ['Nome,Segundo Nome,Sobrenome', 'Nome'],
    ['Nome,Secondo nome,Cognome', 'Nome'],
    // Outlook.com leaves the middle name out: the first e-mail and phone columns tell it then.
    ['First Name,Last Name,E-mail Address,Mobile Phone', 'First Name'],
    ['Voornaam,Achternaam,E-mailadres,Mobiele telefoon', 'Voornaam'],
  ])('%s is an Outlook header', (header, first) => {
    expect(outlookLanguage(header.split(','))?.first).toBe(first);
  });

  it('Italian and Portuguese share "Nome": the middle and last name tell them apart', () => {
    const text = 'Nome,Segundo Nome,Sobrenome,Telefone celular\r\nJoão,,Silva,+55 21 0001\r\n';
    expect(parseOutlook(text).records[0]!.value).toMatchObject({ name: 'João Silva', phones: ['+55 21 0001'] });
  });

  it.each([
    ['First Name,Last Name,Company'],
    ['First Name,Last Name,Middle Name,Company'],
    ['Middle Name,Last Name,Company'],
    ['First Name,Middle Name,Company,Last Name'],
    ['E-mail Address,Company'],
    ['Mobile Phone,Company'],
    // Google's current header starts with the same three names.
    ['First Name,Middle Name,Last Name,Labels,E-mail 1 - Value'],
  ])('%s is not', (header) => {
    expect(outlookLanguage(header.split(','))).toBeNull();
  });
});
