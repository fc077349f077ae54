import { PackageExpired, PackageExpiring } from '@hub/domain/packages/package-term.events';
import { timeNotices } from '../../notifications/time-notices';
import { Recipient } from '../recipients';
import { Workflow } from '../workflow';

/** A package's notices and expiry are told to the agreement's administrators and the CSAM. */
export const packageTermNotices: Workflow<PackageExpiring | PackageExpired, Recipient[]> = {
  name: 'package-term-notices',
  handles: ['PackageExpiring', 'PackageExpired'],
  read: (event, reads) => reads.termRecipients(`package-${event.data.packageId}`),
  react: (event, recipients) => {
    const { eventId } = event.metadata;
    if (event.type === 'PackageExpiring') {
      const { packageId, contractId, daysLeft, expiresOn, noticedAt } = event.data;
      const subject = `Package ${packageId} expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
      const data = { packageId, contractId, daysLeft, expiresOn };
      return timeNotices({ eventId, at: noticedAt }, 'package_expiring', subject, data, recipients);
    }
    const { packageId, contractId, expiresOn, expiredAt } = event.data;
    const subject = `Package ${packageId} has expired`;
    const data = { packageId, contractId, expiresOn };
    return timeNotices({ eventId, at: expiredAt }, 'package_expired', subject, data, recipients);
  },
};
