import { isRefusal } from '@hub/domain';

/** What to do with a message whose handler threw. */
export type FailureDisposition =
  { kind: 'dead_letter'; reason: string; message: string } | { kind: 'retry'; message: string };

/**
 * A 4xx `HubError` is a refusal that will be the same next time (the rule said no, the thing
 * does not exist, the input is wrong): dead-letter it. A concurrency conflict is 409 too but
 * passes on its own, and anything else (store down, timeout, bug) may pass later: retry.
 */
export function classifyHandlerError(error: unknown): FailureDisposition {
  const message = error instanceof Error ? error.message : String(error);
  return isRefusal(error)
    ? { kind: 'dead_letter', reason: error.code, message }
    : { kind: 'retry', message };
}
