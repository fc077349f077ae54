/**
 * Records which stream owns an id that a route names alone (an invitation on
 * /v1/invitations/{id}/accept lives in its workspace; a consumption record to reverse lives
 * in its contract's ledger). The handler appends the claim before the owner's event.
 */
export interface ClaimId {
  type: 'ClaimId';
  /** What the id names, e.g. `invitation`, `consumption`; the refusal code is `<kind>_id_conflict`. */
  kind: string;
  id: string;
  /** The owner's stream name, e.g. `workspace-<workspaceId>`. */
  ownerStream: string;
  at: string;
}

/** Every command an id claim decides. */
export type IdClaimCommand = ClaimId;
