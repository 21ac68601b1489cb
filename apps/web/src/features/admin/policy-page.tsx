import './admin.css';

import { useState, type FormEvent } from 'react';

import { problemFrom } from '../../api/problem';
import type { ActivePolicy, PolicyWeights } from '../../api/types';
import { useFocusOnMount } from '../../shared/focus';
import { formatDate } from '../../shared/format';
import { ErrorMessage, FieldError } from '../../shared/messages';
import { candidateOf, policyFieldGroups, valuesOf, type PolicyValues } from './policy-form';
import { useActivePolicy, usePreviewPolicy, useSavePolicy } from './policy-hooks';
import { LearnFromCorrections } from './policy-learn';
import { PreviewResult } from './policy-preview';
import { PolicyVersions } from './policy-versions';
import { ReasonForm } from './reason-form';

const inputId = (path: string) => `policy-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

function Rescore({ active }: { active: ActivePolicy }) {
  const { rescore } = active;
  if (!rescore) return null;
  return (
    <p>
      <label htmlFor="policy-rescore">
        Re-scoring with version {rescore.version}: {rescore.done} of {rescore.total}
      </label>{' '}
      <progress id="policy-rescore" max={rescore.total} value={rescore.done} />
    </p>
  );
}

function PolicyForm({ active }: { active: ActivePolicy }) {
  const [values, setValues] = useState<PolicyValues>(() => valuesOf(active.weights, active.sla));
  const [asking, setAsking] = useState(false);
  const preview = usePreviewPolicy();
  const save = useSavePolicy();
  const problem = (save.error ?? preview.error) && problemFrom(save.error ?? preview.error);
  const groups = policyFieldGroups(active.weights);
  const candidate = () => candidateOf(active, values);
  const draft = (weights: PolicyWeights) =>
    setValues({ ...values, ...valuesOf(weights, active.sla) });
  const runPreview = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    preview.mutate(candidate());
  };
  const activate = (reason: string) =>
    save.mutate({ ...candidate(), reason }, { onSuccess: () => setAsking(false) });
  return (
    <>
      <form className="policy-form" onSubmit={runPreview} aria-label="Policy">
        {groups.map((group) => (
          <fieldset key={group.legend}>
            <legend>{group.legend}</legend>
            {group.fields.map(({ path, label }) => (
              <div key={path} className="field">
                <label htmlFor={inputId(path)}>{label}</label>
                <input
                  id={inputId(path)}
                  type="number"
                  step="any"
                  value={values[path] ?? ''}
                  aria-describedby={`${inputId(path)}-error`}
                  onChange={(e) => setValues({ ...values, [path]: e.target.value })}
                />
                <FieldError id={`${inputId(path)}-error`} messages={problem?.fields[path]} />
              </div>
            ))}
          </fieldset>
        ))}
        <button type="submit" className="button secondary" disabled={preview.isPending}>
          Preview
        </button>{' '}
        <button type="button" className="button" onClick={() => setAsking(true)}>
          Activate
        </button>
        {problem && !asking && <ErrorMessage problem={problem} />}
      </form>
      {asking && (
        <ReasonForm
          id="policy-reason"
          confirm="Confirm activation"
          pending={save.isPending}
          problem={save.error ? problemFrom(save.error) : undefined}
          onCancel={() => setAsking(false)}
          onSubmit={activate}
        />
      )}
      {preview.data && <PreviewResult preview={preview.data} label="Preview" />}
      <LearnFromCorrections onDraft={draft} />
    </>
  );
}

/** Admins: the priority policy in force, a form to change it, its versions, learning. */
export default function PolicyPage() {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const active = useActivePolicy();
  const policy = active.data;
  return (
    <section className="view" aria-labelledby="policy-heading">
      <h1 id="policy-heading" tabIndex={-1} ref={heading}>
        Policy
      </h1>
      <ErrorMessage problem={active.error ? problemFrom(active.error) : undefined} />
      {policy && (
        <>
          <p aria-label="Version in force">
            Version {policy.version} in force: {policy.reason} (
            {policy.created_by?.username ?? 'start-up'}, {formatDate(policy.created_at)})
          </p>
          <Rescore active={policy} />
          <PolicyForm key={policy.version} active={policy} />
          <h2>Versions</h2>
          <PolicyVersions active={policy} />
        </>
      )}
    </section>
  );
}
