/**
 * Introductions: which offers answer which needs. Pure: needs and offers in, ranked matches out.
 *
 * The score of a need/offer pair is a sum of named terms, each explained in `why`:
 *   words    Σ idf(w) over the meaningful words the two texts share, where
 *            idf(w) = ln(1 + texts / texts containing w), over every need and offer text:
 *            a word in only a few texts weighs more than one in most of them (never below ln 2)
 *   tags     1.0 per tag both people carry on the need and the offer (case- and accent-blind)
 *   company  2.0 when the need mentions the offering person's company, or the offer the needing one's
 * Pairs of the same person, and pairs sharing nothing, are dropped. So are two people already introduced
 * to each other (rel intro), and a pair of people is listed once: by its best need/offer match.
 * A tag that almost everyone has says nothing about a match (an import's "linkedin"): a tag held by more
 * than half of the people (COMMON_TAG_SHARE) is not a reason (commonTags).
 */
import { byText, foldName } from './names.js';

export interface NeedOrOffer {
  id: string;
  person_id: string;
  /** The person's name. */
  name: string;
  text: string;
  tags: string[];
  /** The person's company. */
  company: string | null;
}

export interface Match {
  need: { id: string; person_id: string; name: string; text: string };
  offer: { id: string; person_id: string; name: string; text: string };
  /** Rounded to 2 decimals. */
  score: number;
  /** e.g. `shared words: backend, lisbon; both tagged: tech`. */
  why: string;
}

export const TAG_WEIGHT = 1;
export const COMPANY_WEIGHT = 2;
/** At most this many offers are suggested for one need. */
export const MAX_OFFERS_PER_NEED = 5;
/** A tag held by more than this share of everyone is too common to be a reason for a match. */
export const COMMON_TAG_SHARE = 0.5;

/** What else matching knows about the network. */
export interface MatchContext {
  /** Pairs of person ids already introduced to each other, in either order. */
  introduced?: Iterable<readonly [string, string]>;
  /** Folded tags too common to count (commonTags). */
  commonTags?: ReadonlySet<string>;
}

/** The folded tags held by more than COMMON_TAG_SHARE of `people` people, from each tag's count of holders. */
export function commonTags(counts: Iterable<readonly [string, number]>, people: number): Set<string> {
  const held = new Map<string, number>();
  for (const [tag, n] of counts) held.set(foldName(tag), (held.get(foldName(tag)) ?? 0) + n);
  return new Set([...held].filter(([, n]) => n > people * COMMON_TAG_SHARE).map(([t]) => t));
}

/** English stop words, plus the words every need or offer uses ("need help", "can offer"). */
const STOP = new Set(`
a about above after again against all also am an and any are aren as at be because been before being
below between both but by can cannot could did didn do does doesn doing don down during each else ever
few for from further get gets getting got had has have having he her here hers herself him himself his
how however i if in into is isn it its itself just let like me more most much must my myself no nor not
now of off on once one only or other our ours ourselves out over own per same she should so some such
than that the their theirs them themselves then there these they this those through to too under until
up upon very via was we were what when where which while who whom why will with within without would
you your yours yourself yourselves etc really maybe please thanks thank anyone someone somebody anybody
something anything people person want wants wanted wanting need needs needed needing look looks
looking looked seek seeks seeking find finding help helps helping helped offer offers offering offered
happy glad able intro intros introduction introductions introduce connect connection
`.split(/\s+/).filter(Boolean));

/** Legal-form words left out when looking for a company name in a text. */
const LEGAL = new Set(['inc', 'ltd', 'llc', 'gmbh', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ag', 'ab', 'as',
  'oy', 'plc', 'co', 'corp', 'corporation', 'company', 'limited', 'lda', 'pty', 'kg', 'the']);

/** Folded words of a text: `Hiring: Back-end (Lisboa)` → `hiring`, `back`, `end`, `lisboa`. */
function words(text: string): string[] {
  return foldName(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * A light suffix stripper, so that hire ~ hires ~ hired ~ hiring ~ hirer and engineer ~ engineers:
 * drop one of -ies (→ y), -ers, -ing, -es, -ed, -er, -s (not -ss), undouble a final consonant left by
 * -ing/-ed/-er (planning → plan, but add stays add), then drop a final e (hire → hir). A stem is
 * never shorter than 3 letters.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  for (const suffix of ['ers', 'ing', 'es', 'ed', 'er', 's']) {
    if (!w.endsWith(suffix) || (suffix === 's' && w.endsWith('ss'))) continue;
    const rest = w.slice(0, -suffix.length);
    if (rest.length < 3) continue;
    w = rest;
    const doubled = /([b-df-hj-np-rtv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w);
    if (doubled && w.length > 3 && suffix !== 's' && suffix !== 'es') w = w.slice(0, -1);
    break;
  }
  return w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w;
}

/** Meaningful stems of a text, each with the first word (as written, folded) that gave it. */
function terms(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of words(text)) {
    if (w.length < 3 || STOP.has(w) || /^\d+$/.test(w)) continue;
    const s = stem(w);
    if (!out.has(s)) out.set(s, w);
  }
  return out;
}

/** The words of a company name worth finding in a text (`Acme Corp.` → `acme`), or null. */
function companyWords(company: string | null): string[] | null {
  const ws = words(company ?? '').filter((w) => !LEGAL.has(w));
  return ws.join('').length >= 2 ? ws : null;
}

/** Whether `phrase` occurs as consecutive whole words in `text`. */
function mentions(text: string[], phrase: string[]): boolean {
  for (let i = 0; i + phrase.length <= text.length; i++) {
    if (phrase.every((w, j) => text[i + j] === w)) return true;
  }
  return false;
}

interface Prepared {
  item: NeedOrOffer;
  terms: Map<string, string>;
  words: string[];
  tags: Map<string, string>;
  company: string[] | null;
}

function prepare(item: NeedOrOffer): Prepared {
  const tags = new Map<string, string>();
  for (const t of item.tags) {
    const key = foldName(t);
    if (key !== '' && !tags.has(key)) tags.set(key, t.trim());
  }
  return { item, terms: terms(item.text), words: words(item.text), tags, company: companyWords(item.company) };
}

const byName = (a: string, b: string): number => byText(foldName(a), foldName(b)) || byText(a, b);
const round2 = (x: number): number => Math.round(x * 100) / 100;

function score(need: Prepared, offer: Prepared, idf: (stem: string) => number, common: ReadonlySet<string>): Match | null {
  const shared = [...need.terms.keys()]
    .filter((s) => offer.terms.has(s))
    .sort((a, b) => idf(b) - idf(a) || byText(a, b));
  const tags = [...need.tags.keys()].filter((t) => offer.tags.has(t) && !common.has(t)).sort();
  const reasons: string[] = [];
  let total = 0;
  if (shared.length > 0) {
    total += shared.reduce((sum, s) => sum + idf(s), 0);
    reasons.push(`shared words: ${shared.map((s) => need.terms.get(s) ?? s).join(', ')}`);
  }
  if (tags.length > 0) {
    total += TAG_WEIGHT * tags.length;
    reasons.push(`both tagged: ${tags.map((t) => need.tags.get(t) ?? t).join(', ')}`);
  }
  if (offer.company && mentions(need.words, offer.company)) {
    total += COMPANY_WEIGHT;
    reasons.push(`the need mentions ${offer.item.company?.trim()}, where ${offer.item.name} works`);
  } else if (need.company && mentions(offer.words, need.company)) {
    total += COMPANY_WEIGHT;
    reasons.push(`the offer mentions ${need.item.company?.trim()}, where ${need.item.name} works`);
  }
  if (reasons.length === 0) return null;
  const pick = ({ id, person_id, name, text }: NeedOrOffer) => ({ id, person_id, name, text });
  return { need: pick(need.item), offer: pick(offer.item), score: round2(total), why: reasons.join('; ') };
}

const byPromise = (a: Match, b: Match): number =>
  b.score - a.score || byName(a.need.name, b.need.name) || byName(a.offer.name, b.offer.name)
  || byText(a.need.id, b.need.id) || byText(a.offer.id, b.offer.id);

/**
 * Every need paired with up to MAX_OFFERS_PER_NEED offers of other people that share a meaningful
 * word, a tag or a company mention with it; the most promising first (score, then need name, offer
 * name, need id, offer id).
 */
export function matchNeeds(needs: NeedOrOffer[], offers: NeedOrOffer[], context: MatchContext = {}): Match[] {
  const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const introduced = new Set([...(context.introduced ?? [])].map(([a, b]) => pairKey(a, b)));
  const common = context.commonTags ?? new Set<string>();
  const n = needs.map(prepare);
  const o = offers.map(prepare);
  const df = new Map<string, number>();
  for (const p of [...n, ...o]) for (const s of p.terms.keys()) df.set(s, (df.get(s) ?? 0) + 1);
  const texts = n.length + o.length;
  const idf = (s: string): number => Math.log(1 + texts / (df.get(s) ?? 1));
  const out: Match[] = [];
  for (const need of n) {
    const found: Match[] = [];
    for (const offer of o) {
      if (offer.item.person_id === need.item.person_id) continue;
      if (introduced.has(pairKey(need.item.person_id, offer.item.person_id))) continue;
      const m = score(need, offer, idf, common);
      if (m) found.push(m);
    }
    out.push(...found.sort(byPromise).slice(0, MAX_OFFERS_PER_NEED));
  }
  // One line per pair of people: the best of their matches (A's need and B's offer, or B's need and A's).
  const seen = new Set<string>();
  return out.sort(byPromise).filter((m) => {
    const key = pairKey(m.need.person_id, m.offer.person_id);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
