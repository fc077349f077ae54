/** Turns an event's data of one schema version into the next version's. Pure. */
export type UpcastStep = (data: Record<string, unknown>) => Record<string, unknown>;

/** CaseOpened v1 → v2: drops the synthetic workspace and customer of a partner's own case. */
function ownRecordWithoutWorkspace(data: Record<string, unknown>): Record<string, unknown> {
  const onBehalfOf = data.onBehalfOf as Record<string, unknown> | undefined;
  const partnerId = onBehalfOf?.partnerId;
  if (!onBehalfOf || data.workspaceId !== `partner-record-${String(partnerId)}`) return data;
  const { workspaceId: _synthetic, ...rest } = data;
  const { customerOrgId: _partner, ...filer } = onBehalfOf;
  return { ...rest, onBehalfOf: filer };
}

/**
 * Every event type whose shape changed, with one step per change: the first turns version 1
 * into 2, and so on (domain.md §10 "Schema evolution"). The event store applies them on read;
 * writers stamp `schemaVersionOf(type)`. Add a step here, never rewrite a stored event.
 */
export const EVENT_UPCASTERS: Readonly<Record<string, readonly UpcastStep[]>> = {
  // v2 records the wrong try that locks the code; every v1 code was issued under the fifth.
  VerificationCodeIssued: [(data) => ({ ...data, maxWrongTries: 5 })],
  // v2: a partner's case about its own subscription lives in its own record, with no workspace
  // and no customer; v1 named a synthetic `partner-record-<partnerId>` workspace and the
  // partner as the customer.
  CaseOpened: [ownRecordWithoutWorkspace],
};

/** The schema version events of this type are written at now. */
export function schemaVersionOf(type: string): number {
  return (EVENT_UPCASTERS[type]?.length ?? 0) + 1;
}
