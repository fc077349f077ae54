import { Caller } from '../shared';
import { EmailStatusReported, OrganizationRecord, UserRecord } from './directory.events';

/** Service (directory): record the current state of an organisation. */
export interface UpsertOrganization {
  type: 'UpsertOrganization';
  record: OrganizationRecord;
  by: Caller;
}

/** Service (directory): record the current state of a user. */
export interface UpsertUser {
  type: 'UpsertUser';
  record: UserRecord;
  by: Caller;
}

/** Service (mail): record what became of a message sent to a user. */
export interface ReportEmailStatus {
  type: 'ReportEmailStatus';
  report: EmailStatusReported['data'];
  by: Caller;
}

/** Every command an organisation's directory stream decides. */
export type OrganizationDirectoryCommand = UpsertOrganization;

/** Every command a user's directory stream decides. */
export type UserDirectoryCommand = UpsertUser | ReportEmailStatus;
