import { AgreementsController } from './agreements/agreements.controller';
import { CasesController } from './cases/cases.controller';
import { ConsumptionController } from './consumption/consumption.controller';
import { GdapController } from './gdap/gdap.controller';
import { HelpDeskController } from './helpdesk/helpdesk.controller';
import { InboundController } from './inbound/inbound.controller';
import { InvitationsController } from './invitations/invitations.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { OutboxController } from './notifications/outbox.controller';
import { PackagesController } from './packages/packages.controller';
import { PartnersController } from './partners/partners.controller';
import { CustomersController } from './subscriptions/customers.controller';
import { WorkspacesController } from './workspaces/workspaces.controller';
import { AuditController } from './read/audit.controller';
import { AuditAsOfController } from './read/audit-as-of.controller';
import { ProjectionsController } from './read/projections.controller';
import { SignInController } from './sign-in/sign-in.controller';
import { PrivacyController } from './privacy/privacy.controller';

/** The command routes (api.md "Commands"), one controller per slice; each dispatches on the CommandBus. */
export const COMMAND_CONTROLLERS = [
  AgreementsController,
  PackagesController,
  WorkspacesController,
  InvitationsController,
  ConsumptionController,
  CasesController,
  OutboxController,
  NotificationsController,
  PartnersController,
  CustomersController,
  GdapController,
  HelpDeskController,
  InboundController,
  PrivacyController,
];

/**
 * Routes over every projection (status and rebuilds, audit and as-of answers), and how a
 * browser signs in.
 */
export const OPERATIONS_CONTROLLERS = [
  ProjectionsController,
  AuditController,
  AuditAsOfController,
  SignInController,
];
