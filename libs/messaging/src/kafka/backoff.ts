/** Capped exponential backoff for transient failures. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 200, maxMs: 30_000 };

/** Delay before retry number `attempt` (0-based): doubles each time up to the cap, ±20% jitter. */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30));
  // Jitter keeps several consumers that failed together from hammering the store in step.
  const jittered = base * (0.8 + 0.4 * random());
  return Math.round(Math.min(policy.maxMs, jittered));
}
