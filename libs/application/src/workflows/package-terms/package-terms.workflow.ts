import { PackageId } from '@hub/domain';
import { AddOnPackagePurchased, PackageWithdrawn } from '@hub/domain/packages/package.events';
import { timer } from '../../schedule/timer';
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
    const stream = event.streamName;
    return dayTermTimers(
      purchasedAt,
      expiresOn,
      (daysLeft, at) =>
        timer('package', {
          key: `${owner}:${daysLeft}`,
          owner,
          stream,
          command: { type: 'NoticePackageExpiry', packageId, daysLeft, expiresOn, at },
        }),
      (at) =>
        timer('package', {
          key: `${owner}:end`,
          owner,
          stream,
          command: { type: 'ExpirePackage', packageId, expiresOn, at },
        }),
    );
  },
};
