import { Injectable } from '@nestjs/common';
import { Caller, OrgId, PartnerId, UserId } from '@hub/domain';
import {
  UserDirectoryState,
  directoryOrgStream,
  directoryUserStream,
  isManagedBy,
  organizationDirectoryDecider,
  userDirectoryDecider,
} from '@hub/domain/directory';
import { HelpDeskAgentCheck } from '@hub/domain/helpdesk';
import { isHelpDeskAgent, partnerDecider, partnerStream } from '@hub/domain/partners';
import { CommandExecutor } from '../execution/command-executor';
import { CustomerIndex } from '../indexes/customer-index';

/** The agent's partner (the token's org) and what the help-desk rules need to know. */
export interface AgentCheck extends HelpDeskAgentCheck {
  partnerId: PartnerId;
}

/**
 * Establishes, from the event store, whether the caller is a Help Desk agent of their partner
 * (the role is granted in the hub: `partner-<id>`) and whether the partner manages the target
 * (the directory's `managedByPartnerIds` in `directory-org-<orgId>`), domain.md §7.
 */
@Injectable()
export class HelpDeskAgentChecks {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly index: CustomerIndex,
  ) {}

  async forOrg(caller: Caller, orgId: OrgId): Promise<AgentCheck> {
    const partnerId = (caller.orgId ?? '') as string as PartnerId;
    const isAgent = await this.isAgent(caller, partnerId);
    const managed = isAgent && (await this.manages(partnerId, orgId));
    return { partnerId, isAgent, managed };
  }

  async forUser(
    caller: Caller,
    userId: UserId,
  ): Promise<AgentCheck & { user: UserDirectoryState }> {
    const user = (await this.executor.load(directoryUserStream(userId), userDirectoryDecider))
      .state;
    const orgId = user.record?.orgId;
    const check = orgId
      ? await this.forOrg(caller, orgId)
      : { ...(await this.forOrg(caller, '' as OrgId)), managed: false };
    return { ...check, user };
  }

  /** Managed when any directory user whose current address it is belongs to a managed org. */
  async forEmail(caller: Caller, email: string): Promise<AgentCheck> {
    const partnerId = (caller.orgId ?? '') as string as PartnerId;
    const isAgent = await this.isAgent(caller, partnerId);
    if (!isAgent) return { partnerId, isAgent, managed: false };
    const wanted = email.trim().toLowerCase();
    for (const user of await this.index.usersWithEmail(email)) {
      const record = user.record;
      if (record && record.email.trim().toLowerCase() === wanted) {
        if (await this.manages(partnerId, record.orgId))
          return { partnerId, isAgent, managed: true };
      }
    }
    return { partnerId, isAgent, managed: false };
  }

  private async isAgent(caller: Caller, partnerId: PartnerId): Promise<boolean> {
    if (!partnerId) return false;
    const partner = await this.executor.load(partnerStream(partnerId), partnerDecider);
    return isHelpDeskAgent(partner.state, caller.userId);
  }

  private async manages(partnerId: PartnerId, orgId: OrgId): Promise<boolean> {
    const org = await this.executor.load(directoryOrgStream(orgId), organizationDirectoryDecider);
    return isManagedBy(org.state, partnerId);
  }
}
