import { api, unwrap } from './client';
import type { SuggestionRequest } from './types';

/** The issue type the trained model suggests for a ticket's text (404 "no model yet"). */
export const suggestIssueType = (text: SuggestionRequest, signal?: AbortSignal) =>
  unwrap(api.POST('/tickets/suggest', { body: text, signal }));
