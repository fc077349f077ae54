import { PackageId } from '@hub/domain';
import { AddOnPackagePurchased, PackageWithdrawn } from '@hub/domain/packages/package.events';
import { dayTermTimers } from '../day-term-timers';
import { Workflow } from '../workflow';

const ownerOf = (packageId: PackageId) => `package-term:${packageId}`;

/**
 * A package's times on the schedule (domain.md §9): its 30/7/1-day notices (those already past
 * when it was added are skipped) and its expiry, the midnight after its last day; a withdrawal
 * cancels them.
 */
export const packageTerms: Workflow<AddOnPackagePurchased | PackageWithdrawn> = {
  name: 'package-terms',
  schedules: true,
  handles: ['AddOnPackagePurchased', 'PackageWithdrawn'],
  react: (event) => {
    const owner = ownerOf(event.data.packageId);
    if (event.type === 'PackageWithdrawn') return [{ kind: 'cancel', owner }];
    const { packageId, expiresOn, purchasedAt } = event.data;
    const term = { decider: 'package' as const, owner, stream: event.streamName };
    return dayTermTimers(
      { ...term, from: purchasedAt, lastDay: expiresOn },
      (daysLeft, at) => ({ type: 'NoticePackageExpiry', packageId, daysLeft, expiresOn, at }),
      (at) => ({ type: 'ExpirePackage', packageId, expiresOn, at }),
    );
  },
};
