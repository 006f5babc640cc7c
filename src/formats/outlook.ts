/**
 * Outlook CSV, as the desktop Import/Export wizard and Outlook.com write it, in English and in the
 * languages Outlook ships most (de, fr, es, it, pt, nl): the header is in the language of Outlook.
 * English: `First Name,Middle Name,Last Name,Title,Suffix,...,E-mail Address,E-mail 2 Address,...,
 * Mobile Phone,Business Phone,...,Company,Job Title,...,Birthday,...,Notes,...,Categories`. `Title`
 * (Anrede, Titre, Tratamiento...) is the honorific and is not imported; the job is `Job Title`
 * (Position, the second Titre, Puesto, Posizione, Cargo, Functie). Birthdays: `1/15/1990` in English
 * (US month/day; day/month when the first part is over 12), day first elsewhere (`24.12.1975`,
 * `03/02/1980`), ISO, or `0/0/00` for none.
 */
import { dateField, eachRow, findTable, headerHas, isGoogleHeader, joinName, keepNameParts, readBirthday, splitMulti, uniq, type Slash } from './csv.js';
import { emptyImported, nameOrContact, type ParseResult } from './types.js';

interface Columns {
  first: string;
  middle: string;
  last: string;
  suffix: string;
  nickname: string;
  emails: string[];
  /** Phones of a person, most personal first; faxes, pagers, assistants' and switchboards are left out. */
  phones: string[];
  company: string[];
  /** The job title: when the name appears twice (French), the last one. */
  title: string;
  birthday: string;
  notes: string[];
  categories: string;
  slash: Slash;
}

export const OUTLOOK_LANGUAGES: Record<'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl', Columns> = {
  en: {
    first: 'First Name', middle: 'Middle Name', last: 'Last Name', suffix: 'Suffix', nickname: 'Nickname',
    emails: ['E-mail Address', 'E-mail 2 Address', 'E-mail 3 Address'],
    phones: ['Mobile Phone', 'Primary Phone', 'Business Phone', 'Business Phone 2', 'Home Phone', 'Home Phone 2', 'Other Phone', 'Car Phone'],
    company: ['Company'], title: 'Job Title', birthday: 'Birthday', notes: ['Notes'], categories: 'Categories', slash: 'us',
  },
  de: {
    first: 'Vorname', middle: 'Weitere Vornamen', last: 'Nachname', suffix: 'Suffix', nickname: 'Spitzname',
    emails: ['E-Mail-Adresse', 'E-Mail 2: Adresse', 'E-Mail 3: Adresse'],
    phones: ['Mobiltelefon', 'Haupttelefon', 'Telefon geschäftlich', 'Telefon geschäftlich 2', 'Telefon (privat)', 'Telefon (privat 2)',
      'Weiteres Telefon', 'Autotelefon', 'Mobiltelefon 2'],
    company: ['Firma'], title: 'Position', birthday: 'Geburtstag', notes: ['Notizen'], categories: 'Kategorien', slash: 'dmy',
  },
  fr: {
    first: 'Prénom', middle: 'Deuxième prénom', last: 'Nom', suffix: 'Suffixe', nickname: 'Surnom',
    emails: ['Adresse de messagerie', 'Adresse de messagerie 2', 'Adresse de messagerie 3'],
    phones: ['Tél. mobile', 'Téléphone principal', 'Téléphone (bureau)', 'Téléphone 2 (bureau)', 'Téléphone (domicile)',
      'Téléphone 2 (domicile)', 'Téléphone (autre)', 'Téléphone (voiture)'],
    company: ['Société'], title: 'Titre', birthday: 'Anniversaire', notes: ['Notes'], categories: 'Catégories', slash: 'dmy',
  },
  es: {
    first: 'Nombre', middle: 'Segundo nombre', last: 'Apellidos', suffix: 'Sufijo', nickname: 'Apodo',
    emails: ['Dirección de correo electrónico', 'Dirección de correo electrónico 2', 'Dirección de correo electrónico 3'],
    phones: ['Teléfono móvil', 'Teléfono principal', 'Teléfono del trabajo', 'Teléfono del trabajo 2', 'Teléfono particular',
      'Teléfono particular 2', 'Otro teléfono', 'Teléfono del automóvil'],
    company: ['Organización', 'Compañía', 'Empresa'], title: 'Puesto', birthday: 'Cumpleaños', notes: ['Notas'], categories: 'Categorías', slash: 'dmy',
  },
  it: {
    first: 'Nome', middle: 'Secondo nome', last: 'Cognome', suffix: 'Suffisso', nickname: 'Soprannome',
    emails: ['Indirizzo posta elettronica', 'Indirizzo posta elettronica 2', 'Indirizzo posta elettronica 3'],
    phones: ['Cellulare', 'Telefono principale', 'Ufficio', 'Ufficio 2', 'Abitazione', 'Abitazione 2', 'Altro telefono', 'Telefono auto'],
    company: ['Società'], title: 'Posizione', birthday: 'Compleanno', notes: ['Notes', 'Note'], categories: 'Categorie', slash: 'dmy',
  },
  pt: {
    first: 'Nome', middle: 'Segundo Nome', last: 'Sobrenome', suffix: 'Sufixo', nickname: 'Apelido',
    emails: ['Endereço de email', 'Endereço de email 2', 'Endereço de email 3'],
    phones: ['Telefone celular', 'Telefone principal', 'Telefone comercial', 'Telefone comercial 2', 'Telefone residencial',
      'Telefone residencial 2', 'Outro telefone', 'Telefone do carro'],
    company: ['Empresa'], title: 'Cargo', birthday: 'Aniversário', notes: ['Observações', 'Notas'], categories: 'Categorias', slash: 'dmy',
  },
  nl: {
    first: 'Voornaam', middle: 'Middelste naam', last: 'Achternaam', suffix: 'Achtervoegsel', nickname: 'Bijnaam',
    emails: ['E-mailadres', 'E-mailadres 2', 'E-mailadres 3'],
    phones: ['Mobiele telefoon', 'Hoofdtelefoon', 'Telefoon op werk', 'Telefoon op werk 2', 'Telefoon thuis', 'Telefoon thuis 2',
      'Andere telefoon', 'Autotelefoon'],
    company: ['Bedrijf'], title: 'Functie', birthday: 'Verjaardag', notes: ['Notities'], categories: 'Categorieën', slash: 'dmy',
  },
};

const norm = (s: string): string => s.trim().toLowerCase();

/** The language of an Outlook header: its first, middle and last name columns side by side, or its e-mail and first phone columns. */
export function outlookLanguage(cells: string[]): Columns | null {
  if (isGoogleHeader(cells)) return null; // Google's new header starts with First Name, Middle Name, Last Name too
  const n = cells.map(norm);
  for (const lang of Object.values(OUTLOOK_LANGUAGES)) {
    const i = n.indexOf(norm(lang.first));
    const names = i >= 0 && n[i + 1] === norm(lang.middle) && n[i + 2] === norm(lang.last);
    if (names || headerHas(cells, norm(lang.emails[0]!), norm(lang.phones[0]!))) return lang;
  }
  return null;
}

export function parseOutlook(text: string): ParseResult {
  const t = findTable(text, (c) => outlookLanguage(c) !== null,
    () => 'no Outlook header (First Name, Middle Name, Last Name ... E-mail Address ... Mobile Phone, or the same in de, fr, es, it, pt, nl) in the first 20 rows');
  const lang = outlookLanguage(t.header)!;
  return eachRow(t, (row, where, problems) => {
    const get = (column: string): string => t.get(row, column);
    const first = (columns: string[]): string => columns.map(get).find(Boolean) ?? '';
    // Exchange accounts export an X.500 path (/o=ExchangeLabs/...) instead of an address: skip those.
    const emails = uniq(lang.emails.map(get).filter((e) => e.includes('@') && !e.startsWith('/')));
    const phones = uniq(lang.phones.map(get).filter(Boolean));
    const joined = joinName(get(lang.first), get(lang.middle), get(lang.last), get(lang.suffix));
    const name = nameOrContact(joined || get(lang.nickname), emails, phones, (why) => problems.push({ where, why }));
    if (name === '') return null;
    const p = emptyImported(name);
    // Outlook's honorific (Title, Anrede...) is not read (see above): the N has no prefix.
    keepNameParts(p, joined, [get(lang.last), get(lang.first), get(lang.middle), '', get(lang.suffix)]);
    p.emails = emails;
    p.phones = phones;
    p.company = first(lang.company) || null;
    p.title = t.getLast(row, lang.title) || null;
    p.tags = uniq(splitMulti(get(lang.categories), /[;,]/));
    p.birthday = dateField(get(lang.birthday), 'birthday', where, problems, (s) => readBirthday(s, lang.slash));
    const notes = first(lang.notes);
    if (notes !== '') p.notes = [notes];
    return p;
  });
}
