// suggestCategory: the taxonomy category a product or service value most likely belongs to.
//
// The value and every term are folded alike (half-width, simplified Chinese, lower case, hyphens and
// slashes as spaces). Every term found in the value is a candidate; where candidates overlap, the
// longest term wins (笔记本电脑 over 笔记本). Among the rest, what is included (含安装, 免费配送) and a thing
// a value is for (in brackets, after "for" / 适用) are subordinate; then an action beats an item and an
// item beats a brand (空调维修 is a repair; 联想笔记本电脑 a laptop); then the last one wins, because
// Chinese and English both put the head noun last (打印机墨盒 is ink; iPhone 15 手机壳 a case). Digits and model codes never match a term,
// so they change nothing. English terms match whole words only, plurals included.
import { categoryById, taxonomyTerms, type CategoryId } from './categories';
import { foldForTaxonomy } from './fold';
import type { CategoryKind, TermRole } from './types';

export interface CategorySuggestion {
  categoryId: CategoryId;
  kind: CategoryKind;
  /** The taxonomy term that decided, as the taxonomy spells it. */
  term: string;
  role: TermRole;
  /**
   * 0.9 for an item or action; 0.75 when that term is a single Chinese character or two Latin letters;
   * 0.6 for a brand alone; 0.2 less when a term of the same role in the value points elsewhere.
   */
  confidence: number;
}

interface Entry {
  key: string;
  /** Length of the term itself: a plural form ranks as its singular, below a term spelt that way. */
  rank: number;
  term: string;
  role: TermRole;
  categoryId: CategoryId;
  /** A single Chinese character or one or two Latin letters: a weaker sign than a longer term. */
  weak: boolean;
  latinStart: boolean;
  latinEnd: boolean;
  digitStart: boolean;
  digitEnd: boolean;
}

interface Found {
  start: number;
  end: number;
  entry: Entry;
}

const ROLE_RANK: Record<TermRole, number> = { action: 2, item: 1, brand: 0 };
const LATIN = /[a-z]/;
const DIGIT = /[0-9]/;
const OPENING = '([{【〔';
const CLOSING = ')]}】〕';
/** After these, a thing named is what the value is for, not what it is (toner for HP printers). */
const FOR_MARKER = /(?:^|[^a-z])(?:for|compatible with|fits)(?![a-z])|适用于?|兼容|用于/;
/** After these, anything named, a service too, is what comes with it (空调 含安装, 奶茶 免费配送). */
const INCLUDED_MARKER =
  /(?:^|[^a-z])(?:incl|including|free|with free)(?![a-z])|包含|包括|含|赠送|附送|送|赠|免费|包邮/;

function pluralForms(key: string): string[] {
  if (!LATIN.test(key[key.length - 1])) return [];
  if (/[^aeiou]y$/.test(key)) return [key.slice(0, -1) + 'ies', key + 's'];
  if (/(?:s|x|z|ch|sh|o)$/.test(key)) return [key + 'es', key + 's'];
  return [key + 's'];
}

/** A trie of the folded terms and their plural forms: one walk per position of the value. */
interface Node {
  next: Map<string, Node>;
  entries: Entry[];
}

let trie: Node | null = null;

function buildTrie(): Node {
  const root: Node = { next: new Map(), entries: [] };
  const add = (entry: Entry) => {
    let node = root;
    for (const ch of entry.key) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), entries: [] }));
      node = child;
    }
    node.entries.push(entry);
  };
  for (const { term, role, categoryId } of taxonomyTerms()) {
    const key = foldForTaxonomy(term);
    const shape = {
      rank: key.length,
      term,
      role,
      categoryId,
      weak: /^[a-z0-9]{1,2}$/.test(key) || (key.length === 1 && !LATIN.test(key) && !DIGIT.test(key)),
      latinStart: LATIN.test(key[0]),
      digitStart: DIGIT.test(key[0]),
    };
    const last = key[key.length - 1];
    add({ ...shape, key, latinEnd: LATIN.test(last), digitEnd: DIGIT.test(last) });
    for (const plural of pluralForms(key)) add({ ...shape, key: plural, latinEnd: true, digitEnd: false });
  }
  return root;
}

function boundaryOk(text: string, start: number, end: number, e: Entry): boolean {
  const before = start > 0 ? text[start - 1] : '';
  const after = end < text.length ? text[end] : '';
  if (e.latinStart && LATIN.test(before)) return false;
  if (e.digitStart && (DIGIT.test(before) || LATIN.test(before))) return false;
  if (e.latinEnd && LATIN.test(after)) return false;
  if (e.digitEnd && DIGIT.test(after)) return false;
  return true;
}

function findAll(text: string, root: Node): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < text.length; i++) {
    let node: Node | undefined = root;
    for (let j = i; j < text.length; j++) {
      node = node.next.get(text[j]);
      if (!node) break;
      for (const entry of node.entries)
        if (boundaryOk(text, i, j + 1, entry)) found.push({ start: i, end: j + 1, entry });
    }
  }
  return found;
}

/** Longest term first; a shorter one is kept only where it overlaps nothing kept already. */
function withoutOverlaps(found: Found[]): Found[] {
  const sorted = [...found].sort(
    (a, b) => b.entry.rank - a.entry.rank || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const taken: Found[] = [];
  for (const f of sorted) if (taken.every((t) => f.end <= t.start || f.start >= t.end)) taken.push(f);
  return taken;
}

/**
 * Which terms are subordinate: anything after an inclusion marker, and a thing (not a service) inside
 * brackets or after a "for" marker. 格力空调（维修） is still a repair; 空调（含安装） an air conditioner.
 */
function subordinates(text: string): (f: Found) => boolean {
  const bracketed = new Array<boolean>(text.length).fill(false);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (OPENING.includes(text[i])) depth++;
    bracketed[i] = depth > 0;
    if (CLOSING.includes(text[i]) && depth > 0) depth--;
  }
  const forAt = FOR_MARKER.exec(text)?.index ?? Infinity;
  const includedAt = INCLUDED_MARKER.exec(text)?.index ?? Infinity;
  return (f) =>
    f.start >= includedAt || (f.entry.role !== 'action' && (bracketed[f.start] || f.start >= forAt));
}

/** The most likely category of a product or service value, or null when no term of the taxonomy is in it. */
export function suggestCategory(value: string | null | undefined): CategorySuggestion | null {
  if (value == null) return null;
  const text = foldForTaxonomy(value);
  if (text === '') return null;
  trie ??= buildTrie();
  const kept = withoutOverlaps(findAll(text, trie));
  if (kept.length === 0) return null;
  const subordinate = subordinates(text);
  const score = (f: Found) => [subordinate(f) ? 0 : 1, ROLE_RANK[f.entry.role], f.end, f.entry.rank];
  const better = (a: Found, b: Found) => {
    const [sa, sb] = [score(a), score(b)];
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i] > sb[i];
    return false;
  };
  let best = kept[0];
  for (const f of kept) if (better(f, best)) best = f;

  const { entry } = best;
  let confidence = entry.role === 'brand' ? 0.6 : entry.weak ? 0.75 : 0.9;
  // A rival is another category named by a term of the same role: 打印机墨盒 is less certain than 空调维修.
  const rival = kept.some((f) => f.entry.categoryId !== entry.categoryId && f.entry.role === entry.role);
  if (rival) confidence -= 0.2;
  return {
    categoryId: entry.categoryId,
    kind: categoryById(entry.categoryId).kind,
    term: entry.term,
    role: entry.role,
    confidence: Math.round(confidence * 100) / 100,
  };
}
