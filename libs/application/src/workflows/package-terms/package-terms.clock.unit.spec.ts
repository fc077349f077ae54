import { PackageWithdrawn } from '@hub/domain/packages/package.events';
import {
  contractId,
  packageId,
  purchased as bought,
} from '@hub/domain/packages/package-term.fixtures';
import { clockAt, on, onTheClock } from '@hub/testing/clock-given-when-then';
import { packageTermNotices } from '../package-term-notices/package-term-notices.workflow';
import { packageTerms } from './package-terms.workflow';

// Row "a package is 30, 7 and 1 days from its end; and when it ends" (domain.md §9).
const stream = 'package-pk-1';
const purchased = on(stream, bought);
const withdrawn = on(stream, {
  type: 'PackageWithdrawn',
  data: { packageId, contractId, reason: 'replaced', withdrawnAt: '2026-04-02T00:00:00.000Z' },
} as PackageWithdrawn);
const expiring = (daysLeft: number, noticedAt: string) => ({
  type: 'PackageExpiring',
  data: { packageId, contractId, daysLeft, expiresOn: '2026-04-30', noticedAt },
});
const notices = [
  expiring(30, '2026-04-01T00:00:00.000Z'),
  expiring(7, '2026-04-24T00:00:00.000Z'),
  expiring(1, '2026-04-30T00:00:00.000Z'),
];
const END = '2026-05-01T00:00:00.000Z';
const people = [
  { email: 'ca@contoso.example', userId: 'ca-1' },
  { email: 'csam@provider.example' },
];
const clock = onTheClock([packageTerms, packageTermNotices], () => ({
  termRecipients: async () => people,
}));

describe("on the clock: a package's term", () => {
  it('gives the 30-day notice at its time and not before', async () => {
    await clock.given(purchased).when(clockAt('2026-03-31T23:59:59.999Z')).thenRecords([]);
    await clock
      .given(purchased)
      .when(clockAt('2026-04-01T00:00:00.000Z'))
      .thenRecords([notices[0]]);
  });

  it('gives the notices and then the expiry, each once', async () => {
    await clock
      .given(purchased)
      .when(clockAt('2026-04-30T23:59:59.999Z'), clockAt(END), clockAt(END), clockAt('2026-06-01'))
      .thenRecords([
        ...notices,
        {
          type: 'PackageExpired',
          data: { packageId, contractId, expiresOn: '2026-04-30', expiredAt: END },
        },
      ]);
  });

  it('a withdrawal cancels what is pending', async () => {
    await clock
      .given(purchased)
      .when(clockAt('2026-04-01T00:00:00.000Z'), withdrawn, clockAt('2026-06-01T00:00:00.000Z'))
      .thenRecords([notices[0]]);
  });

  it("tells the agreement's Customer Administrators and the CSAM", async () => {
    await clock
      .given(purchased)
      .when(clockAt('2026-04-01T00:00:00.000Z'))
      .thenNotifies(people.map((p) => ({ kind: 'package_expiring', to: p.email })));
  });
});
