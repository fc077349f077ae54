import { ConcurrencyError, HubError } from '@hub/domain';

/**
 * Whether the error refuses the command for good (a 4xx `HubError`: a rule, a missing record, bad
 * input), as opposed to a failure worth retrying. A concurrency conflict is a 409 but not a
 * refusal: the same command may well pass on the state a retry reads.
 */
export function isRefusal(error: unknown): error is HubError {
  return (
    error instanceof HubError &&
    !(error instanceof ConcurrencyError) &&
    error.status >= 400 &&
    error.status < 500
  );
}
