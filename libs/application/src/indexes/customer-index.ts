import { Injectable } from '@nestjs/common';
import { AgreementId, OrgId, PartnerId, RelationshipId, UserId } from '@hub/domain';
import {
  UserDirectoryState,
  directoryUserStream,
  userDirectoryDecider,
} from '@hub/domain/directory';
import {
  AgreementState,
  agreementDecider,
  agreementStream,
} from '@hub/domain/agreements/agreement.decider';
import { GdapState, gdapDecider, gdapStream } from '@hub/domain/gdap';
import { GlobalPosition, SubjectKeyStore } from '@hub/event-store';
import { CommandExecutor } from '../execution/command-executor';
import { CommandContext } from '../execution/command-context';
import { INDEX_KINDS, StreamIndex } from './stream-index';

/**
 * Strongly consistent look-ups across aggregates for customer-org-scoped rules (domain.md §6):
 * - `id-customer-agreement-<orgId>:<n>` → `agreement-<id>`: written when an agreement is activated;
 * - `id-gdap-index-<partnerId>:<customerOrgId>:<n>` → `gdap-<id>`: written when a partner
 *   requests a relationship;
 * - `id-directory-email-<address key>:<n>` → `directory-user-<userId>`: written when the
 *   directory reports a user (the Help Desk's suppression list is keyed by address); the key is
 *   a keyed hash of the normalised address, so no address is in a stream name.
 */
@Injectable()
export class CustomerIndex {
  private readonly agreements: StreamIndex;
  private readonly relationships: StreamIndex;
  private readonly userEmails: StreamIndex;

  constructor(
    private readonly executor: CommandExecutor,
    private readonly keys: SubjectKeyStore,
  ) {
    this.agreements = new StreamIndex(executor, INDEX_KINDS.customerAgreements);
    this.relationships = new StreamIndex(executor, INDEX_KINDS.gdapRelationships);
    this.userEmails = new StreamIndex(executor, INDEX_KINDS.userEmails);
  }

  addAgreement(orgId: OrgId, agreementId: AgreementId, context: CommandContext) {
    return this.agreements.add(orgId, agreementStream(agreementId), context);
  }

  /** Every agreement the org signed, folded from its stream. */
  async agreementsOf(orgId: OrgId): Promise<AgreementState[]> {
    const streams = await this.agreements.list(orgId);
    return Promise.all(
      streams.map(async (stream) => (await this.executor.load(stream, agreementDecider)).state),
    );
  }

  /** The keyed hash naming an address in streams and index keys (never the address itself). */
  addressKey(email: string): string {
    return this.keys.addressKey(email);
  }

  addUserEmail(email: string, userId: UserId, context: CommandContext) {
    return this.userEmails.add(this.keys.addressKey(email), directoryUserStream(userId), context);
  }

  /** The directory users whose record named this address (check their current record). */
  async usersWithEmail(email: string): Promise<UserDirectoryState[]> {
    const streams = await this.userEmails.list(this.keys.addressKey(email));
    return Promise.all(
      streams.map(async (stream) => (await this.executor.load(stream, userDirectoryDecider)).state),
    );
  }

  addRelationship(
    partnerId: PartnerId,
    customerOrgId: OrgId,
    relationshipId: RelationshipId,
    context: CommandContext,
  ): Promise<GlobalPosition | null> {
    return this.relationships.add(
      `${partnerId}:${customerOrgId}`,
      gdapStream(relationshipId),
      context,
    );
  }

  /** Every relationship the partner requested with the customer, of any status. */
  async relationshipsBetween(partnerId: PartnerId, customerOrgId: OrgId): Promise<GdapState[]> {
    const streams = await this.relationships.list(`${partnerId}:${customerOrgId}`);
    return Promise.all(
      streams.map(async (stream) => (await this.executor.load(stream, gdapDecider)).state),
    );
  }
}
