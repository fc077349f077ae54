import { AsOfQuery } from './as-of-query';
import { accessAsOf } from './access/access.controller';
import { addonBalancesAsOf } from './addon-balances/addon-balances.controller';
import { customerActivityAsOf } from './customer-activity/customer-activity.controller';
import { casesAsOf } from './cases/cases.controller';
import { extraCasesAsOf } from './extra-cases/extra-cases.controller';
import { helpdeskAsOf } from './helpdesk/helpdesk.controller';
import { partnerRelationsAsOf } from './partner-relations/partner-relations.as-of';

/** Each projection's live query, answerable as of a past moment (GET /v1/audit/projections/{name}). */
export const AS_OF_QUERIES: Record<string, AsOfQuery> = {
  access: accessAsOf,
  'customer-activity': customerActivityAsOf,
  'addon-balances': addonBalancesAsOf,
  cases: casesAsOf,
  'extra-cases': extraCasesAsOf,
  helpdesk: helpdeskAsOf,
  'partner-relations': partnerRelationsAsOf,
};
