/** Turns an event's data of one schema version into the next version's. Pure. */
export type UpcastStep = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Every event type whose shape changed, with one step per change: the first turns version 1
 * into 2, and so on (domain.md §10 "Schema evolution"). The event store applies them on read;
 * writers stamp `schemaVersionOf(type)`. Add a step here, never rewrite a stored event.
 */
export const EVENT_UPCASTERS: Readonly<Record<string, readonly UpcastStep[]>> = {
  // v2 records the wrong try that locks the code; every v1 code was issued under the fifth.
  VerificationCodeIssued: [(data) => ({ ...data, maxWrongTries: 5 })],
};

/** The schema version events of this type are written at now. */
export function schemaVersionOf(type: string): number {
  return (EVENT_UPCASTERS[type]?.length ?? 0) + 1;
}
