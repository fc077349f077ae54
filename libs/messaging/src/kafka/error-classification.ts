import { ConcurrencyError, HubError } from '@hub/domain';

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
  if (error instanceof ConcurrencyError || isConflictCode(error)) return { kind: 'retry', message };
  if (isHubError(error) && error.status >= 400 && error.status < 500) {
    return { kind: 'dead_letter', reason: error.code, message };
  }
  return { kind: 'retry', message };
}

// Duck-typed as well as instanceof: a handler loaded through another module copy (dist vs src)
// still carries `status` and `code`.
function isHubError(error: unknown): error is Pick<HubError, 'status' | 'code' | 'message'> {
  if (error instanceof HubError) return true;
  const candidate = error as { status?: unknown; code?: unknown } | null;
  return (
    error instanceof Error &&
    candidate !== null &&
    typeof candidate.status === 'number' &&
    typeof candidate.code === 'string'
  );
}

function isConflictCode(error: unknown): boolean {
  return isHubError(error) && error.code === 'concurrency_conflict';
}
