/** Common English words that say nothing about a ticket's type. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further ' +
    'had has have having he her here hers him his how i if in into is it its itself just me more ' +
    'most my no nor not now of off on once only or other our ours out over own same she should so ' +
    'some such than that the their theirs them then there these they this those through to too ' +
    'under until up very was we were what when where which while who whom why will with would you ' +
    'your yours also get got im ive its please hi hello thanks thank regards dear team'
  ).split(' '),
);

/** Longest text looked at; longer descriptions are cut (the ticket API allows 10,000 chars). */
const MAX_TEXT = 20_000;

/**
 * Lower-cased word tokens of `text` (letters and digits of any script, NFKC-normalised), without
 * stop words and one-character tokens.
 */
export function tokenize(text: string): string[] {
  const words = text
    .slice(0, MAX_TEXT)
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return (words ?? []).filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}

/** The terms of a text: its tokens and the bigrams of neighbouring tokens ("checkout fails"). */
export function textTerms(text: string): string[] {
  const tokens = tokenize(text);
  const terms = [...tokens];
  for (let i = 1; i < tokens.length; i++) terms.push(`${tokens[i - 1]} ${tokens[i]}`);
  return terms;
}

/** Term counts of a ticket's title and description together. */
export function termCounts(
  title: string | null | undefined,
  description: string,
): Map<string, number> {
  const counts = new Map<string, number>();
  const terms = [...textTerms(title ?? ''), ...textTerms(description)];
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
