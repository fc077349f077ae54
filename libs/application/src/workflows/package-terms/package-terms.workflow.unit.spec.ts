import { AgreementId, ContractId, PackageId } from '@hub/domain';
import { AddOnPackagePurchased, PackageWithdrawn } from '@hub/domain/packages/package.events';
import { reacting, recorded } from '@hub/testing/workflow-given-when-then';
import { packageTerms } from './package-terms.workflow';

const owner = 'package-term:pk-1';
const due = (key: string, at: string) =>
  expect.objectContaining({
    kind: 'schedule',
    timer: expect.objectContaining({ key: `${owner}:${key}`, dueAt: at }),
  });
const purchased = (purchasedAt: string): AddOnPackagePurchased => ({
  type: 'AddOnPackagePurchased',
  data: {
    packageId: 'pk-1' as PackageId,
    contractId: 'c-1' as ContractId,
    agreementId: 'a-1' as AgreementId,
    name: 'Enhanced solution',
    expiresOn: '2026-04-30',
    entitlements: [],
    purchasedAt,
  },
});

describe('package-terms workflow', () => {
  it('puts the 30/7/1-day notices and the expiry (the midnight after the last day)', () => {
    reacting(packageTerms)
      .when(recorded(purchased('2026-03-02T09:00:00.000Z'), 'package-pk-1'))
      .then([
        due('30', '2026-04-01T00:00:00.000Z'),
        due('7', '2026-04-24T00:00:00.000Z'),
        due('1', '2026-04-30T00:00:00.000Z'),
        due('end', '2026-05-01T00:00:00.000Z'),
      ]);
  });

  it('skips notices already past when the package was added; a withdrawal cancels', () => {
    reacting(packageTerms)
      .when(recorded(purchased('2026-04-20T00:00:00.000Z'), 'package-pk-1'))
      .then([
        due('7', '2026-04-24T00:00:00.000Z'),
        due('1', '2026-04-30T00:00:00.000Z'),
        due('end', '2026-05-01T00:00:00.000Z'),
      ]);
    const withdrawn: PackageWithdrawn = {
      type: 'PackageWithdrawn',
      data: {
        packageId: 'pk-1' as PackageId,
        contractId: 'c-1' as ContractId,
        reason: 'x',
        withdrawnAt: '2026-04-21T00:00:00.000Z',
      },
    };
    reacting(packageTerms)
      .when(recorded(withdrawn, 'package-pk-1'))
      .then([{ kind: 'cancel', owner }]);
  });
});
