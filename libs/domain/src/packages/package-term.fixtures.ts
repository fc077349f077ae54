import { AgreementId, ContractId, PackageId } from '../shared';
import { AddOnPackagePurchased } from './package.events';

export const packageId = 'pk-1' as PackageId;
export const contractId = 'c-1' as ContractId;

/** A package bought 2026-03-02 09:00 whose last day is 2026-04-30. */
export const purchased: AddOnPackagePurchased = {
  type: 'AddOnPackagePurchased',
  data: {
    packageId,
    contractId,
    agreementId: 'a-1' as AgreementId,
    name: 'Enhanced solution',
    expiresOn: '2026-04-30',
    entitlements: [],
    purchasedAt: '2026-03-02T09:00:00.000Z',
  },
};
