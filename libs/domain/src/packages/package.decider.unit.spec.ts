import { given } from '@hub/testing';
import { AgreementId, Caller, ContractId, EntitlementId, PackageId, UserId } from '../shared';
import { PurchaseAddOnPackage, WithdrawPackage } from './package.commands';
import { packageDecider, packageStream } from './package.decider';
import { AddOnPackagePurchased, PackageWithdrawn } from './package.events';

const packageId = 'pkg-1' as PackageId;
const contractId = 'con-1' as ContractId;
const agreementId = 'agr-1' as AgreementId;
const at = '2025-03-03T10:00:00.000Z';
const ac: Caller = { userId: 'u-ac' as UserId, providerRoles: ['AC'] };
const customer: Caller = { userId: 'u-c' as UserId, providerRoles: [] };
const line = {
  entitlementId: 'ent-1' as EntitlementId,
  category: 'proactive' as const,
  service: 'Proactive credits',
  unit: 'credits',
  quantity: 100,
  kind: 'consumable' as const,
};

const purchase: PurchaseAddOnPackage = {
  type: 'PurchaseAddOnPackage',
  packageId,
  contractId,
  contractAgreementId: agreementId,
  name: 'Enhanced Solution: Azure',
  expiresOn: '2025-09-30',
  entitlements: [line],
  at,
  by: ac,
};
const purchased: AddOnPackagePurchased = {
  type: 'AddOnPackagePurchased',
  data: {
    packageId,
    contractId,
    agreementId,
    name: 'Enhanced Solution: Azure',
    expiresOn: '2025-09-30',
    entitlements: [line],
    purchasedAt: at,
  },
};
const withdraw: WithdrawPackage = {
  type: 'WithdrawPackage',
  packageId,
  reason: 'sold in error',
  at,
  by: ac,
};
const withdrawn: PackageWithdrawn = {
  type: 'PackageWithdrawn',
  data: { packageId, contractId, reason: 'sold in error', withdrawnAt: at },
};

describe('package decider', () => {
  it('names its stream', () => {
    expect(packageStream(packageId)).toBe('package-pkg-1');
  });

  describe('PurchaseAddOnPackage', () => {
    it('adds the package, carrying its contract and agreement', () => {
      given(packageDecider).when(purchase).then([purchased]);
    });

    it('refuses a caller who is not CSAM or AC', () => {
      given(packageDecider)
        .when({ ...purchase, by: customer })
        .thenFails('provider_role_required');
    });

    it('answers 404 when the contract does not exist', () => {
      given(packageDecider)
        .when({ ...purchase, contractAgreementId: null })
        .thenFails('contract_not_found');
    });

    it('refuses a package id already used', () => {
      given(packageDecider, [purchased]).when(purchase).thenFails('package_already_exists');
    });

    it('refuses a malformed expiry and missing entitlements', () => {
      given(packageDecider)
        .when({ ...purchase, expiresOn: '30/09/2025' })
        .thenFails('validation_failed');
      given(packageDecider)
        .when({ ...purchase, entitlements: [] })
        .thenFails('validation_failed');
    });
  });

  describe('WithdrawPackage', () => {
    it('withdraws an active package', () => {
      given(packageDecider, [purchased]).when(withdraw).then([withdrawn]);
    });

    it('refuses a second withdrawal', () => {
      given(packageDecider, [purchased, withdrawn])
        .when(withdraw)
        .thenFails('package_already_withdrawn');
    });

    it('answers 404 for an unknown package', () => {
      given(packageDecider).when(withdraw).thenFails('package_not_found');
    });

    it('refuses a caller who is not CSAM or AC', () => {
      given(packageDecider, [purchased])
        .when({ ...withdraw, by: customer })
        .thenFails('provider_role_required');
    });
  });
});
