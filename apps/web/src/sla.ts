// A case's SLA clock as the Cases page shows it: the hub's fields when it answers them
// (everBreached, breachedAt, timeLeftBeforeBreachSeconds), derived from the due time otherwise.

export interface CaseSlaFields {
  status: 'open' | 'closed';
  initialResponseDueAt: string;
  respondedAt: string | null;
  responseTargetMet: boolean | null;
  everBreached?: boolean;
  breachedAt?: string | null;
  timeLeftBeforeBreachSeconds?: number | null;
}

export interface SlaState {
  breached: boolean;
  /** Seconds left before the first-response target; null once answered or closed. */
  secondsLeft: number | null;
}

/**
 * `fetchedAt` is when the answer arrived: a server countdown is counted down from then, so the
 * page ticks without asking again.
 */
export function slaState(sla: CaseSlaFields, now: Date, fetchedAt: Date = now): SlaState {
  const recorded =
    sla.everBreached === true || Boolean(sla.breachedAt) || sla.responseTargetMet === false;
  if (sla.respondedAt || sla.status === 'closed') return { breached: recorded, secondsLeft: null };
  const serverLeft = sla.timeLeftBeforeBreachSeconds;
  const left =
    typeof serverLeft === 'number'
      ? serverLeft - (now.getTime() - fetchedAt.getTime()) / 1000
      : (Date.parse(sla.initialResponseDueAt) - now.getTime()) / 1000;
  if (recorded || left <= 0) return { breached: true, secondsLeft: null };
  return { breached: false, secondsLeft: Math.floor(left) };
}
