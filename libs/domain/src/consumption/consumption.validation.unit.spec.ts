import { given } from '@hub/testing';
import { ConsumptionId, ContractId, EntitlementId, WorkspaceId } from '../shared';
import { EntitlementLine } from '../contracts/entitlement';
import { LogConsumption } from './consumption.commands';
import { consumptionDecider } from './consumption.decider';

const hours: EntitlementLine = {
  entitlementId: 'ent-hours' as EntitlementId,
  category: 'proactive',
  service: 'DSE hours',
  unit: 'hours',
  quantity: 10,
  kind: 'consumable',
};
const log: LogConsumption = {
  type: 'LogConsumption',
  consumptionId: 'c-1' as ConsumptionId,
  contractId: 'con-1' as ContractId,
  entitlementId: hours.entitlementId,
  quantity: 4,
  deliveredOn: '2025-03-01',
  reference: { kind: 'engagement', id: 'eng-1' },
  workspaceId: 'ws-1' as WorkspaceId,
  source: 'delivery-service',
  contractEntitlements: [hours],
  contractPeriod: { startsOn: '2025-01-01', endsOn: '2025-12-31' },
  workspace: { sameAgreement: true, mapped: true },
  at: '2025-03-03T10:00:00.000Z',
};

describe('consumption decider: what a record must satisfy (domain.md §2)', () => {
  const [logged] = given(consumptionDecider)
    .when(log)
    .thenEvents(() => {});

  it('refuses a delivery outside the contract dates', () => {
    given(consumptionDecider)
      .when({ ...log, deliveredOn: '2024-12-31' })
      .thenFails('delivered_outside_contract');
    given(consumptionDecider)
      .when({ ...log, deliveredOn: '2026-01-01' })
      .thenFails('delivered_outside_contract');
  });

  it('refuses a workspace of another agreement, or one the contract is not mapped into', () => {
    given(consumptionDecider)
      .when({ ...log, workspace: { sameAgreement: false, mapped: true } })
      .thenFails('workspace_not_mapped');
    given(consumptionDecider)
      .when({ ...log, workspace: { sameAgreement: true, mapped: false } })
      .thenFails('workspace_not_mapped');
    given(consumptionDecider)
      .when({ ...log, workspace: null })
      .thenFails('workspace_not_found');
  });

  it('refuses a quantity of 1e-7, above 1,000,000 or not a number with 400, never a 500', () => {
    for (const quantity of [1e-7, 5e-324, 1_000_000.01, 1e300, Number.NaN, Infinity, -1, 0])
      given(consumptionDecider)
        .when({ ...log, quantity })
        .thenFails('validation_failed');
    given(consumptionDecider)
      .when({ ...log, quantity: 1_000_000, contractEntitlements: [{ ...hours, quantity: 2e6 }] })
      .thenEvents(([event]) => expect(event.data).toMatchObject({ quantity: 1_000_000 }));
  });

  it('a reused consumption id with the same content records nothing', () => {
    given(consumptionDecider, [logged]).when(log).thenNothing();
    // Who reported it and when is not the fact's content.
    given(consumptionDecider, [logged])
      .when({ ...log, source: 'kafka:hub.delivery/0/7', at: '2025-03-04T00:00:00.000Z' })
      .thenNothing();
  });

  it('a reused consumption id with a different quantity is refused, not silently dropped', () => {
    given(consumptionDecider, [logged])
      .when({ ...log, quantity: 5 })
      .thenFails('consumption_id_conflict');
    given(consumptionDecider, [logged])
      .when({ ...log, deliveredOn: '2025-03-02' })
      .thenFails('consumption_id_conflict');
  });

  it('a proactive delivery carries its delivered hours; another line refuses them', () => {
    given(consumptionDecider)
      .when({ ...log, deliveredHours: 6 })
      .thenEvents(([event]) => expect(event.data).toMatchObject({ deliveredHours: 6 }));
    const reactive = { ...hours, category: 'reactive' as const };
    given(consumptionDecider)
      .when({ ...log, contractEntitlements: [reactive], deliveredHours: 6 })
      .thenFails('validation_failed');
    given(consumptionDecider)
      .when({ ...log, deliveredHours: 0 })
      .thenFails('validation_failed');
  });

  it('delivered hours follow the quantity rule: six decimals kept, a seventh refused', () => {
    given(consumptionDecider)
      .when({ ...log, deliveredHours: 1.333333 })
      .thenEvents(([event]) => expect(event.data).toMatchObject({ deliveredHours: 1.333333 }));
    const error = given(consumptionDecider)
      .when({ ...log, deliveredHours: 1e-7 })
      .thenFails('validation_failed');
    expect(Object.keys(error.details ?? {})).toEqual(['deliveredHours']);
  });
});
