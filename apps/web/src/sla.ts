// A case's SLA clock as the Cases page shows it: the hub's fields when it answers them
// (breached, everBreached, breachedAt, timeLeftBeforeBreachSeconds), derived from the due time
// otherwise.

export interface CaseSlaFields {
  status: 'open' | 'closed';
  initialResponseDueAt: string;
  respondedAt: string | null;
  responseTargetMet: boolean | null;
  closedAt?: string | null;
  /** The hub's verdict when it answered (a running clock may breach after that). */
  breached?: boolean;
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
  const due = Date.parse(sla.initialResponseDueAt);
  const closedLate = !sla.respondedAt && !!sla.closedAt && Date.parse(sla.closedAt) > due;
  const recorded =
    sla.breached === true ||
    sla.everBreached === true ||
    Boolean(sla.breachedAt) ||
    sla.responseTargetMet === false ||
    closedLate;
  if (sla.respondedAt || sla.status === 'closed') return { breached: recorded, secondsLeft: null };
  const serverLeft = sla.timeLeftBeforeBreachSeconds;
  const left =
    typeof serverLeft === 'number'
      ? serverLeft - (now.getTime() - fetchedAt.getTime()) / 1000
      : (due - now.getTime()) / 1000;
  if (recorded || left <= 0) return { breached: true, secondsLeft: null };
  return { breached: false, secondsLeft: Math.floor(left) };
}
