import fc from 'fast-check';

import { STOP_WORDS, termCounts, textTerms, tokenize } from './text';

describe('tokenize', () => {
  it('should lower-case, split on punctuation and drop stop words and single letters', () => {
    expect(tokenize('The Checkout FAILS for all EU users! (error 500) a')).toEqual([
      'checkout',
      'fails',
      'eu',
      'users',
      'error',
      '500',
    ]);
  });

  it('should keep letters of any script and fold compatibility forms', () => {
    expect(tokenize('Ｆａｃｔｕｒｅ bloquée — Zahlung fehlgeschlagen')).toEqual([
      'facture',
      'bloquée',
      'zahlung',
      'fehlgeschlagen',
    ]);
  });

  it('should only ever return lower-case tokens that are not stop words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const token of tokenize(text)) {
          expect(token).toBe(token.toLowerCase());
          expect(STOP_WORDS.has(token)).toBe(false);
          expect(token.length).toBeGreaterThan(1);
        }
      }),
    );
  });
});

describe('textTerms', () => {
  it('should add the bigram of each pair of neighbouring tokens', () => {
    expect(textTerms('checkout fails today')).toEqual([
      'checkout',
      'fails',
      'today',
      'checkout fails',
      'fails today',
    ]);
  });

  it('should count title and description terms without a bigram across them', () => {
    const counts = termCounts('Login broken', 'broken again');
    expect(counts.get('broken')).toBe(2);
    expect(counts.has('broken broken')).toBe(false);
    expect(counts.get('login broken')).toBe(1);
  });
});
