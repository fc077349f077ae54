import { createHash, randomUUID } from 'node:crypto';
import { Brand } from './brand';

export type AgreementId = Brand<string, 'AgreementId'>;
export type ContractId = Brand<string, 'ContractId'>;
export type PackageId = Brand<string, 'PackageId'>;
export type EntitlementId = Brand<string, 'EntitlementId'>;
export type WorkspaceId = Brand<string, 'WorkspaceId'>;
export type InvitationId = Brand<string, 'InvitationId'>;
export type GroupId = Brand<string, 'GroupId'>;
export type UserId = Brand<string, 'UserId'>;
export type OrgId = Brand<string, 'OrgId'>;
export type CaseId = Brand<string, 'CaseId'>;
export type ConsumptionId = Brand<string, 'ConsumptionId'>;
export type PartnerId = Brand<string, 'PartnerId'>;
export type SubscriptionId = Brand<string, 'SubscriptionId'>;
export type RelationshipId = Brand<string, 'RelationshipId'>;

/**
 * A name-based (version 5 style) UUID: the same parts always give the same id. Used so a
 * retried command or a replayed step derives the ids it derived the first time.
 */
export function deterministicId(...parts: string[]): string {
  const hash = createHash('sha1').update(parts.join('\u001f')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A fresh random id, for commands that name none. */
export function newId(): string {
  return randomUUID();
}
