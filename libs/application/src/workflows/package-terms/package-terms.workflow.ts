import { PackageId } from '@hub/domain';
import { AddOnPackagePurchased, PackageWithdrawn } from '@hub/domain/packages/package.events';
import { PackageNoticeDays, packageEndsAt } from '@hub/domain/packages/package-term.events';
import { timer } from '../../schedule/timer';
import { Step, Workflow } from '../workflow';

const NOTICES: readonly PackageNoticeDays[] = [30, 7, 1];
const ownerOf = (packageId: PackageId) => `package-term:${packageId}`;

/**
 * A package's times on the schedule (domain.md §9): its 30/7/1-day notices (those already past
 * when it was added are skipped) and its expiry, the midnight after its last day; a withdrawal
 * cancels them.
 */
export const packageTerms: Workflow<AddOnPackagePurchased | PackageWithdrawn> = {
  name: 'package-terms',
  handles: ['AddOnPackagePurchased', 'PackageWithdrawn'],
  react: (event) => {
    const owner = ownerOf(event.data.packageId);
    if (event.type === 'PackageWithdrawn') return [{ kind: 'cancel', owner }];
    const { packageId, expiresOn, purchasedAt } = event.data;
    const stream = event.streamName;
    const notices = NOTICES.filter(
      (days) => Date.parse(packageEndsAt(expiresOn, days)) >= Date.parse(purchasedAt),
    ).map((daysLeft): Step => ({
      kind: 'schedule',
      timer: timer('package', {
        key: `${owner}:${daysLeft}`,
        owner,
        stream,
        command: {
          type: 'NoticePackageExpiry',
          packageId,
          daysLeft,
          expiresOn,
          at: packageEndsAt(expiresOn, daysLeft),
        },
      }),
    }));
    const expiry: Step = {
      kind: 'schedule',
      timer: timer('package', {
        key: `${owner}:end`,
        owner,
        stream,
        command: { type: 'ExpirePackage', packageId, expiresOn, at: packageEndsAt(expiresOn) },
      }),
    };
    return [...notices, expiry];
  },
};
