import { ContractId, PackageId } from '@hub/domain';
import { PackageExpired } from '@hub/domain/packages/package-term.events';
import { reacting, recorded } from '@hub/testing/workflow-given-when-then';
import { packageTermNotices } from './package-term-notices.workflow';

describe('package-term-notices workflow', () => {
  it("tells the agreement's administrators and the CSAM a package expired", () => {
    const expired: PackageExpired = {
      type: 'PackageExpired',
      data: {
        packageId: 'pk-1' as PackageId,
        contractId: 'c-1' as ContractId,
        expiresOn: '2026-04-30',
        expiredAt: '2026-05-01T00:00:00.000Z',
      },
    };
    reacting(packageTermNotices)
      .given([{ email: 'sa@contoso.example', userId: 'u-sa' }, { email: 'csam@provider.example' }])
      .when(recorded(expired, 'package-pk-1'))
      .then([
        {
          kind: 'notify',
          notification: expect.objectContaining({
            kind: 'package_expired',
            to: 'sa@contoso.example',
          }),
        },
        {
          kind: 'notify',
          notification: expect.objectContaining({
            kind: 'package_expired',
            to: 'csam@provider.example',
          }),
        },
      ]);
  });
});
