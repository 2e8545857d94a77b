import type { Lexicon } from './classification-rules';

/** A term found in a text. */
export interface TermMatch {
  readonly term: string;
  readonly lang: 'zh' | 'en';
  readonly weight: number;
}

/** Lower case, full-width forms folded (NFKC), typographic quotes straightened, spaces collapsed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ');
}

/** A term ready to look for: the text it must contain, and for English the whole-word pattern. */
interface CompiledTerm {
  readonly term: string;
  readonly lang: 'zh' | 'en';
  readonly weight: number;
  readonly needle: string;
  readonly pattern?: RegExp;
}

const compiledLexicons = new WeakMap<Lexicon, readonly CompiledTerm[]>();

function compileEnglish(term: string): { needle: string; pattern: RegExp } {
  const prefix = term.endsWith('*');
  const words = (prefix ? term.slice(0, -1) : term).toLowerCase().trim().split(/\s+/);
  const body = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const end = prefix ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])';
  return { needle: words[0], pattern: new RegExp(`(?<![\\p{L}\\p{N}])${body}${end}`, 'u') };
}

function compile(lexicon: Lexicon): readonly CompiledTerm[] {
  let terms = compiledLexicons.get(lexicon);
  if (!terms) {
    terms = [
      ...Object.entries(lexicon.zh ?? {}).map(([term, weight]) => ({
        term,
        lang: 'zh' as const,
        weight,
        needle: normalizeText(term),
      })),
      ...Object.entries(lexicon.en ?? {}).map(([term, weight]) => ({
        term,
        lang: 'en' as const,
        weight,
        ...compileEnglish(term),
      })),
    ];
    compiledLexicons.set(lexicon, terms);
  }
  return terms;
}

/** Every term of the lexicon that occurs in the (normalized) text; each term counts once. */
export function matchLexicon(normalized: string, lexicon: Lexicon | undefined): TermMatch[] {
  if (!lexicon) return [];
  return compile(lexicon)
    .filter((t) => normalized.includes(t.needle) && (!t.pattern || t.pattern.test(normalized)))
    .map(({ term, lang, weight }) => ({ term, lang, weight }));
}

/** The sum of the weights of some matches. */
export function scoreOf(matches: readonly TermMatch[]): number {
  return matches.reduce((sum, m) => sum + m.weight, 0);
}
