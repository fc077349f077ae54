import { AgreementId, ConsumptionId, ContractId, EntitlementId } from '@hub/domain';
import { lineBalanceOf } from '@hub/domain/consumption/balance';
import { consumptionDecider } from '@hub/domain/consumption/consumption.decider';
import { ConsumptionLogged, ConsumptionReversed } from '@hub/domain/consumption/consumption.events';
import { contractDecider } from '@hub/domain/contracts/contract.decider';
import { ContractAdded } from '@hub/domain/contracts/contract.events';
import { clockAt, on, onTheClock } from '@hub/testing/clock-given-when-then';
import { balanceChecks, balanceNotices } from './balance-checks.workflow';

// Row "an entitlement line reaches 75% and 90% consumed, and when it is exhausted" (domain.md §9).
const contractId = 'c-1' as ContractId;
const entitlementId = 'c-1-1' as EntitlementId;
const ledger = 'ledger-c-1';
const added = on('contract-c-1', {
  type: 'ContractAdded',
  data: {
    contractId,
    agreementId: 'a-1' as AgreementId,
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    entitlements: [
      {
        entitlementId,
        category: 'reactive',
        service: 'Support',
        unit: 'hours',
        quantity: 20,
        kind: 'consumable',
      },
    ],
    addedAt: '2026-01-01T00:00:00.000Z',
  },
} as ContractAdded);
const logged = (id: string, quantity: number, loggedAt: string) =>
  on(ledger, {
    type: 'ConsumptionLogged',
    data: {
      consumptionId: id as ConsumptionId,
      contractId,
      entitlementId,
      category: 'reactive',
      unit: 'hours',
      quantity,
      deliveredOn: loggedAt.slice(0, 10),
      reference: { kind: 'case', id },
      source: 'delivery-service',
      overage: 0,
      loggedAt,
    },
  } as ConsumptionLogged);
const reversed = (id: string, quantity: number, reversedAt: string) =>
  on(ledger, {
    type: 'ConsumptionReversed',
    data: {
      consumptionId: id as ConsumptionId,
      contractId,
      entitlementId,
      quantity,
      reason: 'x',
      reversedAt,
    },
  } as ConsumptionReversed);
const line = { contractId, entitlementId, total: 20 };
const warned = (percent: 75 | 90, consumed: number, warnedAt: string) => ({
  type: 'BalanceWarned',
  data: { ...line, consumed, percent, warnedAt },
});
const people = [
  { email: 'ca@contoso.example', userId: 'ca-1' },
  { email: 'csam@provider.example' },
];
// The line's balance read as Workflows reads it: the contract's line beside the ledger.
const clock = onTheClock([balanceChecks, balanceNotices], (streams) => ({
  lineBalance: async ({ packageId, entitlementId: id }) => {
    const contract = streams.fold('contract-c-1', contractDecider);
    const state = streams.fold(ledger, consumptionDecider);
    return contract.status === 'none'
      ? null
      : lineBalanceOf(contract.entitlements, state, packageId, id);
  },
  termRecipients: async () => people,
}));
const T1 = '2026-03-02T10:00:00.000Z';

describe("on the clock: an entitlement line's balance", () => {
  it('warns at 75% at the instant consumption reached it, not before, once', async () => {
    await clock
      .given(added, logged('r-1', 15, T1))
      .when(clockAt('2026-03-02T09:59:59.999Z'))
      .thenRecords([]);
    await clock
      .given(added, logged('r-1', 15, T1))
      .when(clockAt(T1), clockAt(T1), clockAt('2026-04-01T00:00:00.000Z'))
      .thenRecords([warned(75, 15, T1)]);
  });

  it('warns at 90% and records the exhaustion, each once, as later consumption reaches them', async () => {
    const T2 = '2026-03-03T10:00:00.000Z';
    const T3 = '2026-03-04T10:00:00.000Z';
    await clock
      .given(added, logged('r-1', 15, T1))
      .when(clockAt(T1), logged('r-2', 3, T2), clockAt(T2), logged('r-3', 4, T3), clockAt(T3))
      .thenRecords([
        warned(75, 15, T1),
        warned(90, 18, T2),
        { type: 'BalanceExhausted', data: { ...line, consumed: 22, exhaustedAt: T3 } },
      ]);
  });

  it('a reversal before the check falls due cancels it; one that leaves the share reached keeps it', async () => {
    await clock
      .given(added, logged('r-1', 15, T1), reversed('r-1', 15, T1))
      .when(clockAt('2026-04-01T00:00:00.000Z'))
      .thenRecords([]);
    await clock
      .given(added, logged('r-1', 15, T1), logged('r-2', 1, T1), reversed('r-2', 1, T1))
      .when(clockAt('2026-04-01T00:00:00.000Z'))
      .thenRecords([warned(75, 15, T1)]);
  });

  it("tells the agreement's Customer Administrators and the CSAM", async () => {
    await clock
      .given(added, logged('r-1', 20, T1))
      .when(clockAt(T1))
      .thenNotifies([
        ...people.map((p) => ({ kind: 'balance_warning', to: p.email })),
        ...people.map((p) => ({ kind: 'balance_warning', to: p.email })),
        ...people.map((p) => ({ kind: 'balance_exhausted', to: p.email })),
      ]);
  });
});
