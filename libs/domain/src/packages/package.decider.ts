import {
  AgreementId,
  ContractId,
  Decider,
  NotFoundError,
  PackageId,
  ValidationError,
  refuse,
  requireProviderStaff,
} from '../shared';
import { EntitlementLine, isIsoDate, normaliseEntitlements } from '../contracts/entitlement';
import { PackageCommand } from './package.commands';
import { PackageEvent } from './package.events';

/** The stream holding one add-on package's history. */
export function packageStream(packageId: PackageId): string {
  return `package-${packageId}`;
}

/** A package as handlers need it; `expired` is a matter of the day, so it is not stored. */
export type PackageState =
  | { status: 'none' }
  | {
      status: 'purchased' | 'withdrawn';
      packageId: PackageId;
      contractId: ContractId;
      agreementId: AgreementId;
      name: string;
      expiresOn: string;
      entitlements: EntitlementLine[];
    };

/** Add-on package: bought onto a contract, active until it expires or is withdrawn. */
export const packageDecider: Decider<PackageCommand, PackageEvent, PackageState> = {
  initialState: { status: 'none' },

  decide(command, state) {
    switch (command.type) {
      case 'PurchaseAddOnPackage': {
        requireProviderStaff(command.by, 'add a package');
        if (command.contractAgreementId === null) {
          throw new NotFoundError(
            `Contract ${command.contractId} not found.`,
            { contractId: command.contractId },
            'contract_not_found',
          );
        }
        if (state.status !== 'none') {
          refuse('package_already_exists', `Package ${command.packageId} already exists.`);
        }
        const fields: Record<string, string[]> = {};
        if (!command.name?.trim()) fields.name = ['must not be empty'];
        if (!isIsoDate(command.expiresOn)) fields.expiresOn = ['must be a day YYYY-MM-DD'];
        if (Object.keys(fields).length > 0) throw new ValidationError('Invalid package.', fields);
        return [
          {
            type: 'AddOnPackagePurchased',
            data: {
              packageId: command.packageId,
              contractId: command.contractId,
              agreementId: command.contractAgreementId,
              name: command.name,
              expiresOn: command.expiresOn,
              entitlements: normaliseEntitlements(command.packageId, command.entitlements),
              purchasedAt: command.at,
            },
          },
        ];
      }
      case 'WithdrawPackage': {
        requireProviderStaff(command.by, 'withdraw a package');
        if (state.status === 'none') {
          throw new NotFoundError(
            `Package ${command.packageId} not found.`,
            { packageId: command.packageId },
            'package_not_found',
          );
        }
        if (state.status === 'withdrawn') {
          refuse('package_already_withdrawn', `Package ${command.packageId} is already withdrawn.`);
        }
        return [
          {
            type: 'PackageWithdrawn',
            data: {
              packageId: command.packageId,
              contractId: state.contractId,
              reason: command.reason,
              withdrawnAt: command.at,
            },
          },
        ];
      }
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'AddOnPackagePurchased': {
        const { purchasedAt: _at, ...bought } = event.data;
        return { status: 'purchased', ...bought };
      }
      case 'PackageWithdrawn':
        return state.status === 'none' ? state : { ...state, status: 'withdrawn' };
    }
  },
};
