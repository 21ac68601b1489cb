/**
 * Multinomial naive Bayes over term counts, with Laplace smoothing. Raw naive Bayes scores are
 * over-confident (terms are not independent), so probabilities are calibrated by a temperature
 * (`softmax(score / T)`) fitted elsewhere (see calibration.ts).
 */
export interface Document {
  terms: Map<string, number>;
  label: string;
}

/** The serialisable model: plain JSON, sorted keys, nothing derived. */
export interface NaiveBayesModel {
  format: 'multinomial-nb/1';
  classes: string[];
  alpha: number;
  temperature: number;
  /** Documents per class. */
  classDocs: number[];
  /** Term occurrences per class, over the kept vocabulary. */
  classTerms: number[];
  /** Term -> occurrences per class (same order as `classes`). */
  terms: Record<string, number[]>;
}

export interface TrainOptions {
  classes: readonly string[];
  alpha?: number;
  /** Terms seen in fewer documents are dropped (noise, typos, ids). */
  minDocumentFrequency?: number;
  maxTerms?: number;
}

function keptVocabulary(docs: readonly Document[], minDf: number, maxTerms: number): string[] {
  const df = new Map<string, number>();
  for (const doc of docs) {
    for (const term of doc.terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return [...df]
    .filter(([, n]) => n >= minDf)
    .sort(([a, na], [b, nb]) => nb - na || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, maxTerms)
    .map(([term]) => term)
    .sort();
}

export function trainNaiveBayes(docs: readonly Document[], options: TrainOptions): NaiveBayesModel {
  const classes = [...options.classes];
  const vocabulary = keptVocabulary(
    docs,
    options.minDocumentFrequency ?? 2,
    options.maxTerms ?? 50_000,
  );
  const terms: Record<string, number[]> = {};
  for (const term of vocabulary) terms[term] = classes.map(() => 0);
  const classDocs = classes.map(() => 0);
  const classTerms = classes.map(() => 0);
  for (const doc of docs) {
    const c = classes.indexOf(doc.label);
    if (c < 0) throw new Error(`Unknown class "${doc.label}"`);
    classDocs[c]++;
    for (const [term, n] of doc.terms) {
      const row = terms[term];
      if (!row) continue;
      row[c] += n;
      classTerms[c] += n;
    }
  }
  return {
    format: 'multinomial-nb/1',
    classes,
    alpha: options.alpha ?? 1,
    temperature: 1,
    classDocs,
    classTerms,
    terms,
  };
}

/** A model ready to score: log priors and log likelihoods computed once. */
export class NaiveBayesScorer {
  private readonly logPrior: number[];
  private readonly logDenominator: number[];

  constructor(readonly model: NaiveBayesModel) {
    const total = model.classDocs.reduce((a, b) => a + b, 0);
    const k = model.classes.length;
    const vocabulary = Object.keys(model.terms).length;
    this.logPrior = model.classDocs.map((n) => Math.log((n + 1) / (total + k)));
    this.logDenominator = model.classTerms.map((n) => Math.log(n + model.alpha * vocabulary));
  }

  /** log P(term | class) for a known term, or undefined for a term outside the vocabulary. */
  termLogLikelihoods(term: string): number[] | undefined {
    const row = this.model.terms[term];
    if (!row) return undefined;
    return row.map((n, c) => Math.log(n + this.model.alpha) - this.logDenominator[c]);
  }

  /** Uncalibrated log joint scores per class. */
  rawScores(terms: ReadonlyMap<string, number>): number[] {
    const scores = [...this.logPrior];
    for (const [term, n] of terms) {
      const logLik = this.termLogLikelihoods(term);
      if (!logLik) continue;
      for (let c = 0; c < scores.length; c++) scores[c] += n * logLik[c];
    }
    return scores;
  }

  /** Calibrated probabilities per class (sum to 1). */
  probabilities(terms: ReadonlyMap<string, number>): number[] {
    return softmax(this.rawScores(terms), this.model.temperature);
  }
}

export function softmax(scores: readonly number[], temperature: number): number[] {
  const scaled = scores.map((s) => s / temperature);
  const max = Math.max(...scaled);
  const exps = scaled.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
