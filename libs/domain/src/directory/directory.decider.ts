import { Decider, ForbiddenError, OrgId, UserId } from '../shared';
import { OrganizationDirectoryCommand, UserDirectoryCommand } from './directory.commands';
import {
  EmailStatusReported,
  OrganizationDirectoryEvent,
  OrganizationRecord,
  UserDirectoryEvent,
  UserRecord,
} from './directory.events';

/** The stream of one organisation's directory record. */
export function directoryOrgStream(orgId: OrgId): string {
  return `directory-org-${orgId}`;
}

/** The stream of one user's directory record and the e-mail reports about them. */
export function directoryUserStream(userId: UserId): string {
  return `directory-user-${userId}`;
}

/** The last organisation record, or none yet. */
export interface OrganizationDirectoryState {
  record?: OrganizationRecord;
}

/** The last user record and the last e-mail report about them. */
export interface UserDirectoryState {
  record?: UserRecord;
  lastEmailStatus?: EmailStatusReported['data'];
}

/** JSON with object keys sorted, so two records that differ only in key order compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function requireService(by: { service?: boolean }): void {
  if (!by.service) throw new ForbiddenError('Only the directory service reports directory facts.');
}

/** An organisation's directory record: an upsert that changes nothing appends nothing. */
export const organizationDirectoryDecider: Decider<
  OrganizationDirectoryCommand,
  OrganizationDirectoryEvent,
  OrganizationDirectoryState
> = {
  initialState: {},
  decide(command, state) {
    requireService(command.by);
    if (state.record && canonicalJson(state.record) === canonicalJson(command.record)) return [];
    return [{ type: 'OrganizationUpserted', data: command.record }];
  },
  evolve(_state, event) {
    return { record: event.data };
  },
};

/** A user's directory record and e-mail reports: repeats append nothing. */
export const userDirectoryDecider: Decider<
  UserDirectoryCommand,
  UserDirectoryEvent,
  UserDirectoryState
> = {
  initialState: {},
  decide(command, state) {
    requireService(command.by);
    if (command.type === 'UpsertUser') {
      if (state.record && canonicalJson(state.record) === canonicalJson(command.record)) return [];
      return [{ type: 'UserUpserted', data: command.record }];
    }
    const last = state.lastEmailStatus;
    if (last && canonicalJson(last) === canonicalJson(command.report)) return [];
    return [{ type: 'EmailStatusReported', data: command.report }];
  },
  evolve(state, event) {
    switch (event.type) {
      case 'UserUpserted':
        return { ...state, record: event.data };
      case 'EmailStatusReported':
        return { ...state, lastEmailStatus: event.data };
    }
  },
};

/** Whether the partner manages the organisation (its Help Desk may serve it, domain.md §7). */
export function isManagedBy(state: OrganizationDirectoryState, partnerId: string): boolean {
  return (state.record?.managedByPartnerIds as string[] | undefined)?.includes(partnerId) ?? false;
}
