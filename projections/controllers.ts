import { AccessController } from './access/access.controller';
import { AddonBalancesController } from './addon-balances/addon-balances.controller';
import { CustomerActivityController } from './customer-activity/customer-activity.controller';
import { CustomerActivityExportsController } from './customer-activity/customer-activity-exports.controller';
import { CasesQueryController } from './cases/cases.controller';
import { PartnerCasesQueryController } from './cases/partner-cases.controller';
import { ExtraCasesController } from './extra-cases/extra-cases.controller';
import { HelpDeskQueryController } from './helpdesk/helpdesk.controller';
import { PartnerRelationsController } from './partner-relations/partner-relations.controller';

/** Every projection's query controller. */
export const READ_CONTROLLERS = [
  AccessController,
  CustomerActivityController,
  AddonBalancesController,
  CustomerActivityExportsController,
  CasesQueryController,
  PartnerCasesQueryController,
  ExtraCasesController,
  HelpDeskQueryController,
  PartnerRelationsController,
];
