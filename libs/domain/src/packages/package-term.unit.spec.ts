import { given } from '@hub/testing';
import { packageDecider } from './package.decider';
import { PackageEvent } from './package.events';
import { packageEndsAt } from './package-term.events';
import { contractId, packageId, purchased } from './package-term.fixtures';

const expiresOn = '2026-04-30';
const notice = (daysLeft: 30 | 7 | 1, at: string) => ({
  type: 'NoticePackageExpiry' as const,
  packageId,
  daysLeft,
  expiresOn,
  at,
});
const expire = (at: string) => ({ type: 'ExpirePackage' as const, packageId, expiresOn, at });

describe("the hub clock on a package's term", () => {
  it('ends the midnight after its last day; notices count back from there', () => {
    expect(packageEndsAt(expiresOn)).toBe('2026-05-01T00:00:00.000Z');
    expect(packageEndsAt(expiresOn, 30)).toBe('2026-04-01T00:00:00.000Z');
  });

  it('gives each notice at its time, not before, once', () => {
    given(packageDecider, [purchased]).when(notice(7, '2026-04-23T23:59:59.999Z')).thenNothing();
    const [noticed] = given(packageDecider, [purchased])
      .when(notice(7, '2026-04-24T00:00:00.000Z'))
      .then([
        {
          type: 'PackageExpiring',
          data: {
            packageId,
            contractId,
            daysLeft: 7,
            expiresOn,
            noticedAt: '2026-04-24T00:00:00.000Z',
          },
        },
      ]);
    given(packageDecider, [purchased, noticed])
      .when(notice(7, '2026-04-25T00:00:00.000Z'))
      .thenNothing();
  });

  it('records the expiry once at its end; a withdrawal makes it moot', () => {
    given(packageDecider, [purchased]).when(expire('2026-04-30T23:59:59.999Z')).thenNothing();
    const [expired] = given(packageDecider, [purchased])
      .when(expire('2026-05-01T00:00:00.000Z'))
      .then([
        {
          type: 'PackageExpired',
          data: { packageId, contractId, expiresOn, expiredAt: '2026-05-01T00:00:00.000Z' },
        },
      ]);
    given(packageDecider, [purchased, expired])
      .when(expire('2026-05-02T00:00:00.000Z'))
      .thenNothing();
    const withdrawn: PackageEvent = {
      type: 'PackageWithdrawn',
      data: { packageId, contractId, reason: 'replaced', withdrawnAt: '2026-03-10T00:00:00.000Z' },
    };
    given(packageDecider, [purchased, withdrawn])
      .when(notice(30, '2026-04-01T00:00:00.000Z'))
      .thenNothing();
    given(packageDecider, [purchased, withdrawn])
      .when(expire('2026-05-01T00:00:00.000Z'))
      .thenNothing();
  });
});
