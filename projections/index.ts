import { Projection } from '@hub/projection/projection';
import { accessProjection } from './access/access.projection';
import { addonBalancesProjection } from './addon-balances/addon-balances.projection';
import { customerActivityProjection } from './customer-activity/customer-activity.projection';
import { casesProjection } from './cases/cases.projection';
import { extraCasesProjection } from './extra-cases/extra-cases.projection';
import { helpdeskProjection } from './helpdesk/helpdesk.projection';
import { partnerRelationsProjection } from './partner-relations/partner-relations.projection';

/** Every read model the projector runs. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  accessProjection,
  customerActivityProjection,
  addonBalancesProjection,
  casesProjection,
  extraCasesProjection,
  helpdeskProjection,
  partnerRelationsProjection,
];
