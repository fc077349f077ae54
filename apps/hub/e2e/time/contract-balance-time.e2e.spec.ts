import { FakeClock } from '@hub/testing/fake-clock';
import { Person, csamToken } from '../hub.fixtures';
import { startedHub } from '../started-hub';
import { facts, fireDue, hubWithClock, kinds, notificationsOf } from './time.fixtures';

const START = '2026-03-02T09:00:00.000Z';

describe("time makes facts: an entitlement line's balance and a contract's term", () => {
  const clock = new FakeClock(START);
  const { hub, f } = startedHub(() => hubWithClock(clock));
  let contractId: string;
  let administrator: Person;

  beforeAll(async () => {
    const { agreementId, serviceAdministrator } = await f.customer();
    administrator = serviceAdministrator;
    contractId = await f.addContract(agreementId); // 40 DSE hours, ends 2026-12-31
  });

  const of = (events: any[]) => events.filter((e) => e.data.contractId === contractId);
  const deliver = (consumptionId: string, quantity: number) =>
    f.ok('POST', '/v1/consumption', f.service, {
      consumptionId,
      contractId,
      entitlementId: 'dse-hours',
      quantity,
      deliveredOn: '2026-03-02',
      reference: { kind: 'engagement', id: consumptionId },
    });
  const mine = async (token: string, kind: string) =>
    (await notificationsOf(hub, token)).filter(
      (n: any) => n.kind === kind && n.data.contractId === contractId,
    );

  it('warns at 75% and 90% consumed, once each, telling the administrator and the CSAM', async () => {
    clock.set(START);
    await deliver('d-1', 20); // 50%: nothing
    await fireDue(hub);
    expect(of(await facts(hub, 'BalanceWarned'))).toEqual([]);
    await deliver('d-2', 10); // 75%
    await fireDue(hub);
    await fireDue(hub);
    clock.set('2026-03-02T10:00:00.000Z');
    await deliver('d-3', 6); // 90%
    await fireDue(hub);
    const warned = of(await facts(hub, 'BalanceWarned'));
    expect(warned.map((e) => [e.data.percent, e.data.consumed, e.metadata.occurredAt])).toEqual([
      [75, 30, START],
      [90, 36, '2026-03-02T10:00:00.000Z'],
    ]);
    expect(warned[0].metadata.actor).toEqual({ service: 'hub-clock' });
    for (const token of [f.tokenOf(administrator), csamToken(hub)]) {
      expect(kinds(await mine(token, 'balance_warning'))).toEqual([
        'balance_warning',
        'balance_warning',
      ]);
    }
  });

  it('tells them 30, 7 and 1 days before the contract ends, then records its end, each once', async () => {
    clock.set('2026-12-01T23:59:59.999Z');
    await fireDue(hub);
    expect(of(await facts(hub, 'ContractExpiring'))).toEqual([]);
    clock.set('2026-12-02T00:00:00.000Z');
    await fireDue(hub);
    clock.set('2027-01-01T00:00:00.000Z');
    await fireDue(hub);
    await fireDue(hub);
    const notices = of(await facts(hub, 'ContractExpiring'));
    expect(notices.map((e) => [e.data.daysLeft, e.metadata.occurredAt])).toEqual([
      [30, '2026-12-02T00:00:00.000Z'],
      [7, '2026-12-25T00:00:00.000Z'],
      [1, '2026-12-31T00:00:00.000Z'],
    ]);
    expect(of(await facts(hub, 'ContractExpired'))).toHaveLength(1);
    for (const token of [f.tokenOf(administrator), csamToken(hub)]) {
      expect((await mine(token, 'contract_expiring')).map((n: any) => n.data.daysLeft)).toEqual([
        30, 7, 1,
      ]);
      expect(await mine(token, 'contract_expired')).toHaveLength(1);
    }
  });
});
