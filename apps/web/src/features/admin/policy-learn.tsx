import { problemFrom } from '../../api/problem';
import type { PolicyWeights } from '../../api/types';
import { ErrorMessage } from '../../shared/messages';
import { useLearnPolicy } from './policy-hooks';
import { PreviewResult } from './policy-preview';

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

/** Proposes weights fitted on the agents' corrections; "Use as draft" only fills the form. */
export function LearnFromCorrections({ onDraft }: { onDraft: (weights: PolicyWeights) => void }) {
  const learn = useLearnPolicy();
  const result = learn.data;
  return (
    <section aria-labelledby="learn-heading">
      <h2 id="learn-heading">Learn from corrections</h2>
      <button
        type="button"
        className="button secondary"
        disabled={learn.isPending}
        onClick={() => learn.mutate()}
      >
        Learn from corrections
      </button>
      {learn.error && <ErrorMessage problem={problemFrom(learn.error)} />}
      {result && (
        <div className="policy-learned">
          <p>
            Agreement with the agents&apos; levels ({result.holdout_labels} held-out of{' '}
            {result.labels_used} labels): {percent(result.agreement_before)} now,{' '}
            {percent(result.agreement_after)} with the proposal.
          </p>
          <ul aria-label="Changed weights">
            {result.changed.map((c) => (
              <li key={c.weight}>
                <code>{c.weight}</code>: {c.from} → {c.to}
              </li>
            ))}
          </ul>
          <PreviewResult preview={result.preview} label="Preview of the proposal" />
          <button type="button" className="button" onClick={() => onDraft(result.proposed_weights)}>
            Use as draft
          </button>
        </div>
      )}
    </section>
  );
}
