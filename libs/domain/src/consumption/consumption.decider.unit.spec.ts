import { given } from '@hub/testing';
import { ConsumptionId, ContractId, EntitlementId, PackageId, WorkspaceId } from '../shared';
import { EntitlementLine } from '../contracts/entitlement';
import { LogConsumption, PackageLookup, ReverseConsumption } from './consumption.commands';
import { consumptionDecider, ledgerStream } from './consumption.decider';
import { ConsumptionEvent, ConsumptionLogged } from './consumption.events';

const contractId = 'con-1' as ContractId;
const packageId = 'pkg-1' as PackageId;
const at = '2025-03-03T10:00:00.000Z';
const hours: EntitlementLine = {
  entitlementId: 'ent-hours' as EntitlementId,
  category: 'proactive',
  service: 'DSE hours',
  unit: 'hours',
  quantity: 10,
  kind: 'consumable',
};
const benefit: EntitlementLine = {
  ...hours,
  entitlementId: 'ent-benefit' as EntitlementId,
  kind: 'benefit',
};
const credits: EntitlementLine = {
  ...hours,
  entitlementId: 'ent-credits' as EntitlementId,
  unit: 'credits',
  quantity: 1,
};
const pkg: PackageLookup = {
  packageId,
  expiresOn: '2025-06-30',
  withdrawn: false,
  entitlements: [credits],
};

const log = (
  id: string,
  quantity: number,
  extra: Partial<LogConsumption> = {},
): LogConsumption => ({
  type: 'LogConsumption',
  consumptionId: id as ConsumptionId,
  contractId,
  entitlementId: hours.entitlementId,
  quantity,
  deliveredOn: '2025-03-01',
  reference: { kind: 'engagement', id: 'eng-1' },
  workspaceId: 'ws-1' as WorkspaceId,
  source: 'delivery-service',
  contractEntitlements: [hours, benefit],
  at,
  ...extra,
});

/** The event LogConsumption `command` gives when nothing was consumed before it (or `overage`). */
const logged = (command: LogConsumption, overage = 0): ConsumptionLogged => {
  const { type: _t, contractEntitlements: _c, package: _p, at: loggedAt, ...fields } = command;
  const line = [hours, benefit, credits].find((l) => l.entitlementId === command.entitlementId);
  return {
    type: 'ConsumptionLogged',
    data: { ...fields, category: 'proactive', unit: line?.unit ?? '', overage, loggedAt },
  };
};

const reverse: ReverseConsumption = {
  type: 'ReverseConsumption',
  contractId,
  consumptionId: 'c-1' as ConsumptionId,
  reason: 'logged twice',
  at,
};
const reversed: ConsumptionEvent = {
  type: 'ConsumptionReversed',
  data: {
    consumptionId: 'c-1' as ConsumptionId,
    contractId,
    entitlementId: hours.entitlementId,
    quantity: 4,
    reason: 'logged twice',
    reversedAt: at,
  },
};

describe('consumption ledger decider', () => {
  it('names its stream by contract', () => {
    expect(ledgerStream(contractId)).toBe('ledger-con-1');
  });

  describe('LogConsumption', () => {
    it('records consumption within the balance with no overage', () => {
      given(consumptionDecider)
        .when(log('c-1', 4))
        .then([logged(log('c-1', 4))]);
    });

    it('records the part past the remaining balance as overage', () => {
      given(consumptionDecider, [logged(log('c-1', 4)), logged(log('c-2', 5.5))])
        .when(log('c-3', 1.25))
        .then([logged(log('c-3', 1.25), 0.75)]);
    });

    it('counts the whole record as overage once the balance is spent', () => {
      given(consumptionDecider, [logged(log('c-1', 12), 2)])
        .when(log('c-2', 0.1))
        .then([logged(log('c-2', 0.1), 0.1)]);
    });

    it('sums millionths without float drift', () => {
      const tenths = Array.from({ length: 99 }, (_, i) => logged(log(`t-${i}`, 0.1)));
      given(consumptionDecider, tenths)
        .when(log('c-last', 0.2))
        .then([logged(log('c-last', 0.2), 0.1)]);
    });

    it('no longer counts a reversed record', () => {
      given(consumptionDecider, [logged(log('c-1', 4)), reversed, logged(log('c-2', 6))])
        .when(log('c-3', 4))
        .then([logged(log('c-3', 4))]);
    });

    it('draws on a package line when a package is named', () => {
      const command = log('c-1', 1.5, {
        packageId,
        entitlementId: credits.entitlementId,
        package: pkg,
      });
      given(consumptionDecider)
        .when(command)
        .then([logged(command, 0.5)]);
    });

    it('keeps contract and package balances apart', () => {
      const onPackage = log('p-1', 1, {
        packageId,
        entitlementId: credits.entitlementId,
        package: pkg,
      });
      const onContract = log('c-1', 1, {
        entitlementId: credits.entitlementId,
        contractEntitlements: [credits],
      });
      given(consumptionDecider, [logged(onPackage)])
        .when(onContract)
        .then([logged(onContract)]);
    });

    it('is idempotent by consumptionId', () => {
      given(consumptionDecider, [logged(log('c-1', 4))])
        .when(log('c-1', 4))
        .thenNothing();
    });

    it.each([0, -1, 1_000_000.5])('refuses quantity %p on field quantity', (quantity) => {
      const error = given(consumptionDecider)
        .when(log('c-1', quantity))
        .thenFails('validation_failed');
      expect(error.details).toEqual({
        quantity: ['must be positive, at most 1000000, with at most six decimal places'],
      });
    });

    // Regression (issue 17 item 6): quantities were kept in hundredths, so 0.125 was refused.
    it('accepts a quantity with six decimals and sums it exactly', () => {
      given(consumptionDecider, [logged(log('c-1', 9.875)), logged(log('c-2', 0.124999))])
        .when(log('c-3', 0.000002))
        .then([logged(log('c-3', 0.000002), 0.000001)]);
    });

    it.each([1e-7, 0.0000001, 1.0000001, 2.3456789])(
      'refuses a seventh decimal (%p) with 400 on field quantity, recording nothing',
      (quantity) => {
        const error = given(consumptionDecider)
          .when(log('c-1', quantity))
          .thenFails('validation_failed');
        expect(error.status).toBe(400);
        expect(Object.keys(error.details ?? {})).toEqual(['quantity']);
      },
    );

    it('refuses a malformed delivery day', () => {
      const error = given(consumptionDecider)
        .when(log('c-1', 1, { deliveredOn: '2025-13-01' }))
        .thenFails('validation_failed');
      expect(error.details).toHaveProperty('deliveredOn');
    });

    it('answers 404 entitlement_not_found for an unknown entitlement', () => {
      given(consumptionDecider)
        .when(log('c-1', 1, { entitlementId: 'nope' as EntitlementId }))
        .thenFails('entitlement_not_found');
    });

    it('answers 404 entitlement_not_found for a contract line named under a package', () => {
      given(consumptionDecider)
        .when(log('c-1', 1, { packageId, package: pkg }))
        .thenFails('entitlement_not_found');
    });

    it('refuses a benefit line', () => {
      given(consumptionDecider)
        .when(log('c-1', 1, { entitlementId: benefit.entitlementId }))
        .thenFails('benefit_not_consumable');
    });

    it('refuses a withdrawn package', () => {
      const command = log('c-1', 1, {
        packageId,
        entitlementId: credits.entitlementId,
        package: { ...pkg, withdrawn: true },
      });
      given(consumptionDecider).when(command).thenFails('package_inactive');
    });

    it('refuses delivery after the package expired', () => {
      const command = log('c-1', 1, {
        packageId,
        entitlementId: credits.entitlementId,
        package: pkg,
        deliveredOn: '2025-07-01',
      });
      given(consumptionDecider).when(command).thenFails('package_inactive');
    });

    it('answers 404 for an unknown contract or package', () => {
      given(consumptionDecider)
        .when(log('c-1', 1, { contractEntitlements: null }))
        .thenFails('contract_not_found');
      given(consumptionDecider)
        .when(log('c-1', 1, { packageId, package: null }))
        .thenFails('package_not_found');
    });
  });

  describe('ReverseConsumption', () => {
    it('reverses a record', () => {
      given(consumptionDecider, [logged(log('c-1', 4))])
        .when(reverse)
        .then([reversed]);
    });

    it('answers 404 consumption_not_found for an unknown record', () => {
      given(consumptionDecider).when(reverse).thenFails('consumption_not_found');
    });

    it('refuses a second reversal', () => {
      given(consumptionDecider, [logged(log('c-1', 4)), reversed])
        .when(reverse)
        .thenFails('consumption_already_reversed');
    });
  });
});
