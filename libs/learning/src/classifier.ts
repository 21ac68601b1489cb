import { fitTemperature, meanLogLoss, type ScoredExample } from './calibration';
import {
  trainNaiveBayes,
  NaiveBayesScorer,
  type Document,
  type NaiveBayesModel,
} from './naive-bayes';
import { holdoutSplit, seededRandom, shuffled } from './random';
import { termCounts } from './text';

export interface TicketText {
  title?: string | null;
  description: string;
}

export interface LabelledText extends TicketText {
  label: string;
}

export interface ClassifierOptions {
  classes: readonly string[];
  seed: number;
  /** Share held out to measure accuracy (default 0.2). */
  holdoutFraction?: number;
  /** Folds of the training part used to fit the temperature (default 5). */
  calibrationFolds?: number;
  minDocumentFrequency?: number;
}

export interface TrainedClassifier {
  model: NaiveBayesModel;
  /** Every example given: training and held-out. */
  examples: number;
  trainExamples: number;
  holdoutExamples: number;
  /** Share of held-out examples whose most probable class is their label (0–1). */
  holdoutAccuracy: number;
  /** Mean negative log-likelihood of the held-out labels (lower is better calibrated). */
  holdoutLogLoss: number;
}

const toDocument = (example: LabelledText): Document => ({
  terms: termCounts(example.title, example.description),
  label: example.label,
});

/** Out-of-fold raw scores of the training part, to calibrate on data the model did not see. */
function outOfFoldScores(docs: Document[], options: ClassifierOptions): ScoredExample[] {
  const folds = Math.max(2, Math.min(options.calibrationFolds ?? 5, docs.length));
  const order = shuffled(docs, seededRandom(options.seed ^ 0x5bd1e995));
  const scored: ScoredExample[] = [];
  for (let f = 0; f < folds; f++) {
    const fold = order.filter((_, i) => i % folds === f);
    const rest = order.filter((_, i) => i % folds !== f);
    if (fold.length === 0 || rest.length === 0) continue;
    const scorer = new NaiveBayesScorer(trainNaiveBayes(rest, options));
    for (const doc of fold) {
      scored.push({
        scores: scorer.rawScores(doc.terms),
        label: options.classes.indexOf(doc.label),
      });
    }
  }
  return scored;
}

const argmax = (values: readonly number[]) =>
  values.reduce((best, v, i) => (v > values[best] ? i : best), 0);

/**
 * Trains a calibrated naive Bayes classifier on 80 % of `examples` (seeded split), and measures
 * it on the other 20 %. The model returned is the one measured: the figure describes it exactly.
 */
export function trainTextClassifier(
  examples: readonly LabelledText[],
  options: ClassifierOptions,
): TrainedClassifier {
  const { train, holdout } = holdoutSplit(examples, options.holdoutFraction ?? 0.2, options.seed);
  const trainDocs = train.map(toDocument);
  const model = trainNaiveBayes(trainDocs, options);
  model.temperature = fitTemperature(outOfFoldScores(trainDocs, options));
  const scorer = new NaiveBayesScorer(model);
  const scoredHoldout = holdout.map(toDocument).map((doc) => ({
    scores: scorer.rawScores(doc.terms),
    label: options.classes.indexOf(doc.label),
  }));
  const correct = scoredHoldout.filter((s) => argmax(s.scores) === s.label).length;
  return {
    model,
    examples: examples.length,
    trainExamples: train.length,
    holdoutExamples: holdout.length,
    holdoutAccuracy: holdout.length ? correct / holdout.length : 0,
    holdoutLogLoss: meanLogLoss(scoredHoldout, model.temperature),
  };
}

export interface ClassProbability {
  value: string;
  confidence: number;
}

export interface TermEvidence {
  term: string;
  /** The term's push toward the suggestion against the runner-up, in calibrated log-odds. */
  weight: number;
}

export interface Suggestion extends ClassProbability {
  alternatives: ClassProbability[];
  evidence: TermEvidence[];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function evidenceFor(
  scorer: NaiveBayesScorer,
  terms: ReadonlyMap<string, number>,
  winner: number,
  runnerUp: number,
  limit: number,
): TermEvidence[] {
  const evidence: TermEvidence[] = [];
  for (const [term, n] of terms) {
    const logLik = scorer.termLogLikelihoods(term);
    if (!logLik) continue;
    const weight = (n * (logLik[winner] - logLik[runnerUp])) / scorer.model.temperature;
    if (weight > 0) evidence.push({ term, weight });
  }
  evidence.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  return evidence.slice(0, limit).map((e) => ({ term: e.term, weight: round(e.weight, 4) }));
}

/** The most probable class of a text, the others, and the terms that weighed most for it. */
export function suggest(scorer: NaiveBayesScorer, text: TicketText, evidenceLimit = 5): Suggestion {
  const terms = termCounts(text.title, text.description);
  const probabilities = scorer.probabilities(terms);
  const order = probabilities
    .map((p, c) => ({ c, p }))
    .sort((a, b) => b.p - a.p || a.c - b.c)
    .map((e) => e.c);
  const [winner, runnerUp] = order;
  const classes = scorer.model.classes;
  return {
    value: classes[winner],
    confidence: round(probabilities[winner], 4),
    alternatives: order
      .slice(1)
      .map((c) => ({ value: classes[c], confidence: round(probabilities[c], 4) })),
    evidence:
      runnerUp === undefined ? [] : evidenceFor(scorer, terms, winner, runnerUp, evidenceLimit),
  };
}
