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
import { dayTermFact } from '../contracts/contract-term.events';
import { PackageTermCommand, PackageTermEvent } from './package-term.events';

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
      /** The clock's facts: notices given (`expiresOn/days`) and the expiry recorded. */
      notices?: string[];
      expired?: boolean;
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
      case 'NoticePackageExpiry':
      case 'ExpirePackage':
        return decideTerm(command, state);
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
      case 'PackageExpiring': {
        if (state.status === 'none') return state;
        const notice = `${event.data.expiresOn}/${event.data.daysLeft}`;
        return { ...state, notices: [...(state.notices ?? []), notice] };
      }
      case 'PackageExpired':
        return state.status === 'none' ? state : { ...state, expired: true };
    }
  },
};

/**
 * The hub's clock on a package: each notice once, the expiry once, only while it is purchased
 * (a withdrawal makes them moot) with the expiry day the schedule derived them from, and never
 * before their time.
 */
function decideTerm(command: PackageTermCommand, state: PackageState): PackageTermEvent[] {
  if (state.status === 'none') return [];
  const { packageId, contractId, expiresOn } = state;
  const daysLeft = command.type === 'NoticePackageExpiry' ? command.daysLeft : undefined;
  const fact = dayTermFact(
    { ...state, lastDay: expiresOn, live: state.status === 'purchased' },
    { daysLeft, lastDay: command.expiresOn, at: command.at },
  );
  if (fact === 'notice' && daysLeft !== undefined) {
    const data = { packageId, contractId, daysLeft, expiresOn, noticedAt: command.at };
    return [{ type: 'PackageExpiring', data }];
  }
  if (fact === 'end') {
    return [
      { type: 'PackageExpired', data: { packageId, contractId, expiresOn, expiredAt: command.at } },
    ];
  }
  return [];
}
