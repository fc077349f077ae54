import { AgreementId, ContractId } from '@hub/domain';
import { ContractAdded } from '@hub/domain/contracts/contract.events';
import { clockAt, on, onTheClock } from '@hub/testing/clock-given-when-then';
import { contractTermNotices, contractTerms } from './contract-terms.workflow';

// Row "a contract is 30, 7 and 1 days from its end; and when it ends" (domain.md §9).
const contractId = 'c-1' as ContractId;
const added = (addedAt = '2026-01-05T09:00:00.000Z') =>
  on('contract-c-1', {
    type: 'ContractAdded',
    data: {
      contractId,
      agreementId: 'a-1' as AgreementId,
      startsOn: '2026-01-01',
      endsOn: '2026-06-30',
      entitlements: [],
      addedAt,
    },
  } as ContractAdded);
const expiring = (daysLeft: number, noticedAt: string) => ({
  type: 'ContractExpiring',
  data: { contractId, daysLeft, endsOn: '2026-06-30', noticedAt },
});
const END = '2026-07-01T00:00:00.000Z';
const expired = {
  type: 'ContractExpired',
  data: { contractId, endsOn: '2026-06-30', expiredAt: END },
};
const people = [
  { email: 'ca@contoso.example', userId: 'ca-1' },
  { email: 'csam@provider.example' },
];
const clock = onTheClock([contractTerms, contractTermNotices], () => ({
  termRecipients: async () => people,
}));

describe("on the clock: a contract's term", () => {
  it('gives the 30-day notice at its time and not before', async () => {
    await clock.given(added()).when(clockAt('2026-05-31T23:59:59.999Z')).thenRecords([]);
    await clock
      .given(added())
      .when(clockAt('2026-06-01T00:00:00.000Z'))
      .thenRecords([expiring(30, '2026-06-01T00:00:00.000Z')]);
  });

  it('gives the 30/7/1-day notices and then the end, each once however often the clock looks', async () => {
    await clock
      .given(added())
      .when(clockAt('2026-06-30T23:59:59.999Z'), clockAt(END), clockAt(END), clockAt('2027-01-01'))
      .thenRecords([
        expiring(30, '2026-06-01T00:00:00.000Z'),
        expiring(7, '2026-06-24T00:00:00.000Z'),
        expiring(1, '2026-06-30T00:00:00.000Z'),
        expired,
      ]);
  });

  it('skips the notices already past when the contract was added', async () => {
    await clock
      .given(added('2026-06-28T00:00:00.000Z'))
      .when(clockAt('2027-01-01T00:00:00.000Z'))
      .thenRecords([expiring(1, '2026-06-30T00:00:00.000Z'), expired]);
  });

  it("tells the agreement's Customer Administrators and the CSAM of the notices and the end", async () => {
    await clock
      .given(added('2026-06-28T00:00:00.000Z'))
      .when(clockAt(END))
      .thenNotifies([
        ...people.map((p) => ({ kind: 'contract_expiring', to: p.email })),
        ...people.map((p) => ({ kind: 'contract_expired', to: p.email })),
      ]);
  });
});
