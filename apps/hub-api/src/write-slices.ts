import { AgreementsModule } from './agreements/agreements.module';
import { CasesModule } from './cases/cases.module';
import { ConsumptionModule } from './consumption/consumption.module';
import { ContractsModule } from './contracts/contracts.module';
import { InvitationsModule } from './invitations/invitations.module';
import { PackagesModule } from './packages/packages.module';
import { WorkspacesModule } from './workspaces/workspaces.module';
import { GdapModule } from './gdap/gdap.module';
import { HelpDeskModule } from './helpdesk/helpdesk.module';
import { InboundModule } from './inbound/inbound.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PartnerCasesModule } from './partner-cases/partner-cases.module';
import { PartnersModule } from './partners/partners.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';

/** Every write-side slice module (commands, their handlers and routes). */
export const WRITE_SLICES = [
  AgreementsModule,
  ContractsModule,
  PackagesModule,
  WorkspacesModule,
  InvitationsModule,
  ConsumptionModule,
  CasesModule,
  NotificationsModule,
  PartnersModule,
  SubscriptionsModule,
  GdapModule,
  PartnerCasesModule,
  HelpDeskModule,
  InboundModule,
];
