import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

import { suggestIssueType } from '../../api/learning';
import { ApiError } from '../../api/problem';
import type { IssueType } from '../../api/types';
import { label } from '../../shared/format';

/** Ask only once the description says something, and only after typing pauses. */
export const SUGGEST_MIN_CHARS = 12;
export const SUGGEST_DELAY_MS = 600;

export const percent = (confidence: number) => `${Math.round(confidence * 100)} %`;

function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

interface Props {
  title: string;
  description: string;
  chosen: IssueType;
  onAccept: (value: IssueType) => void;
}

/**
 * "Suggested: critical, 86 %" while the reporter types, from the model trained on the team's
 * labelled tickets: one click takes it, ignoring it changes nothing. Without a model yet (404)
 * it stays silent and stops asking for this form.
 */
export function IssueTypeSuggestion({ title, description, chosen, onAccept }: Props) {
  const text = useDebounced(
    { title: title.trim(), description: description.trim() },
    SUGGEST_DELAY_MS,
  );
  const [noModel, setNoModel] = useState(false);
  const [accepted, setAccepted] = useState<IssueType>();
  const enabled = !noModel && text.description.length >= SUGGEST_MIN_CHARS;
  const suggestion = useQuery({
    queryKey: ['suggestion', text.title, text.description],
    queryFn: ({ signal }) =>
      suggestIssueType(
        {
          description: text.description.slice(0, 10_000),
          ...(text.title && { title: text.title.slice(0, 200) }),
        },
        signal,
      ),
    enabled,
    retry: false,
    staleTime: Infinity,
  });
  useEffect(() => {
    if (suggestion.error instanceof ApiError && suggestion.error.status === 404) setNoModel(true);
  }, [suggestion.error]);

  const data = enabled ? suggestion.data : undefined;
  const value = data?.issue_type.value;
  return (
    <div className="suggestion" role="status" aria-live="polite">
      {data && value && (
        <>
          <span>
            Suggested: <strong>{label(value)}</strong>, {percent(data.issue_type.confidence)}
            {data.evidence.length > 0 && (
              <span className="muted">
                {' '}
                (from “
                {data.evidence
                  .slice(0, 3)
                  .map((e) => e.term)
                  .join('”, “')}
                ”)
              </span>
            )}
          </span>{' '}
          {value === chosen ? (
            <span className="muted">
              {accepted === value ? `Issue type set to ${label(value)}.` : 'Already chosen.'}
            </span>
          ) : (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setAccepted(value);
                onAccept(value);
              }}
            >
              Use {label(value)}
            </button>
          )}
        </>
      )}
    </div>
  );
}
