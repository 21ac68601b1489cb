import fc from 'fast-check';

import { ISSUE_TYPES } from '@app/priority/weights';

import { fitTemperature, meanLogLoss } from './calibration';
import { suggest, trainTextClassifier } from './classifier';
import { NaiveBayesScorer, softmax, trainNaiveBayes } from './naive-bayes';
import { syntheticCorpus, TYPE_TERMS } from './testing/synthetic';
import { termCounts } from './text';

const options = { classes: ISSUE_TYPES, seed: 14 };

describe('trainTextClassifier', () => {
  const corpus = syntheticCorpus(1000, 3);
  const trained = trainTextClassifier(corpus, options);
  const scorer = new NaiveBayesScorer(trained.model);

  it('should reach at least 90 % hold-out accuracy on a corpus with term patterns per type', () => {
    expect(trained.holdoutExamples).toBe(200);
    expect(trained.trainExamples).toBe(800);
    expect(trained.holdoutAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('should name the pattern terms of the suggested type as evidence', () => {
    const result = suggest(scorer, {
      title: 'Dashboard outage',
      description: 'Customer reports a crash on the invoice page',
    });
    expect(result.value).toBe('critical');
    expect(result.confidence).toBeGreaterThan(0.5);
    const terms = result.evidence.map((e) => e.term);
    expect(terms).toEqual(expect.arrayContaining(['outage', 'crash']));
    for (const e of result.evidence) expect(e.weight).toBeGreaterThan(0);
    expect(result.evidence.map((e) => e.weight)).toEqual(
      [...result.evidence.map((e) => e.weight)].sort((a, b) => b - a),
    );
  });

  it('should list the other types as alternatives, with confidences summing to 1', () => {
    const result = suggest(scorer, { description: 'tooltip wording on the mobile page' });
    expect(result.value).toBe('minor');
    expect(result.alternatives.map((a) => a.value).sort()).toEqual(['critical', 'major']);
    const sum = result.confidence + result.alternatives.reduce((s, a) => s + a.confidence, 0);
    expect(sum).toBeCloseTo(1, 3);
    expect(result.evidence.map((e) => e.term)).toEqual(
      expect.arrayContaining(TYPE_TERMS.minor.filter((t) => ['tooltip', 'wording'].includes(t))),
    );
  });

  it('should build the same model from the same input and seed', () => {
    const again = trainTextClassifier(syntheticCorpus(1000, 3), options);
    expect(JSON.stringify(again.model)).toBe(JSON.stringify(trained.model));
    expect(again.holdoutAccuracy).toBe(trained.holdoutAccuracy);
  });

  it('should give the same suggestions from a model that went through JSON', () => {
    const revived = new NaiveBayesScorer(JSON.parse(JSON.stringify(trained.model)));
    const text = { title: 'slow sync', description: 'timeout on the report page' };
    expect(suggest(revived, text)).toEqual(suggest(scorer, text));
  });

  it('should return probabilities that sum to 1 for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.option(fc.string({ maxLength: 50 })),
        (d, t) => {
          const p = scorer.probabilities(termCounts(t, d));
          expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          for (const x of p) expect(x).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('should fall back to the class priors for a text with no known term', () => {
    const result = suggest(scorer, { description: 'zzz qqq' });
    expect(result.evidence).toEqual([]);
    expect(result.confidence).toBeLessThan(0.5);
  });
});

describe('fitTemperature', () => {
  it('should never calibrate worse than the raw scores', () => {
    const docs = syntheticCorpus(300, 5, 0.2).map((e) => ({
      terms: termCounts(e.title, e.description),
      label: e.label,
    }));
    const scorer = new NaiveBayesScorer(trainNaiveBayes(docs.slice(0, 200), options));
    const scored = docs.slice(200).map((d) => ({
      scores: scorer.rawScores(d.terms),
      label: ISSUE_TYPES.indexOf(d.label as (typeof ISSUE_TYPES)[number]),
    }));
    const temperature = fitTemperature(scored);
    expect(meanLogLoss(scored, temperature)).toBeLessThanOrEqual(meanLogLoss(scored, 1) + 1e-9);
  });

  it('should keep the order of the classes (softmax is monotone)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 5 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (scores, t) => {
          const p = softmax(scores, t);
          const wrong = scores.filter((s, i) => s > scores[0] && p[i] < p[0]);
          expect(wrong).toEqual([]);
        },
      ),
    );
  });
});
