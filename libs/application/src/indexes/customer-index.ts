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
  defaultWorkspaceIdFor,
} from '@hub/domain/agreements/agreement.decider';
import { workspaceDecider } from '@hub/domain/workspaces/workspace.decider';
import { workspaceStream } from '@hub/domain/workspaces/workspace.state';
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
 *   a keyed hash of the normalised address, so no address is in a stream name;
 * - `id-agreement-workspace-<agreementId>:<n>` → `workspace-<id>`: written when a workspace is
 *   created (who belongs to the customer organisation).
 */
@Injectable()
export class CustomerIndex {
  private readonly agreements: StreamIndex;
  private readonly relationships: StreamIndex;
  private readonly userEmails: StreamIndex;
  private readonly workspaces: StreamIndex;

  constructor(
    private readonly executor: CommandExecutor,
    private readonly keys: SubjectKeyStore,
  ) {
    this.agreements = new StreamIndex(executor, INDEX_KINDS.customerAgreements);
    this.relationships = new StreamIndex(executor, INDEX_KINDS.gdapRelationships);
    this.userEmails = new StreamIndex(executor, INDEX_KINDS.userEmails);
    this.workspaces = new StreamIndex(executor, INDEX_KINDS.agreementWorkspaces);
  }

  /**
   * Whether the user belongs to the agreement's customer organisation: a current member of one of
   * its workspaces (the default one always counts, also for workspaces created before the index
   * listed them), or a user the directory files under the organisation.
   */
  async belongsToOrganisation(
    agreement: { agreementId: AgreementId; customer: { orgId: OrgId } },
    userId: UserId,
  ): Promise<boolean> {
    const user = await this.executor.load(directoryUserStream(userId), userDirectoryDecider);
    if (user.state.record?.orgId === agreement.customer.orgId) return true;
    const listed = await this.workspaces.list(agreement.agreementId);
    const streams = new Set([
      workspaceStream(defaultWorkspaceIdFor(agreement.agreementId)),
      ...listed,
    ]);
    for (const stream of streams) {
      const { state } = await this.executor.load(stream, workspaceDecider);
      if (state.status === 'created' && state.members[userId]) return true;
    }
    return false;
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
