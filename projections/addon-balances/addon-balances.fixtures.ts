import { SpecEvent } from '@hub/testing/projection/projection-specs';
import { line } from '../customer-activity/customer-activity.fixtures';

export const packagePurchased = (
  packageId: string,
  contractId: string,
  expiresOn: string,
  entitlements: ReturnType<typeof line>[],
): SpecEvent => ({
  type: 'AddOnPackagePurchased',
  data: {
    packageId,
    contractId,
    agreementId: 'a1',
    name: `Package ${packageId}`,
    expiresOn,
    entitlements,
    purchasedAt: '2026-01-01T00:00:00Z',
  },
});

export const packageWithdrawn = (packageId: string, contractId: string): SpecEvent => ({
  type: 'PackageWithdrawn',
  data: { packageId, contractId, reason: 'replaced', withdrawnAt: '2026-04-01T00:00:00Z' },
});
