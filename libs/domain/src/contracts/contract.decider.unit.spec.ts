import { given } from '@hub/testing';
import { AgreementId, Caller, ContractId, EntitlementId, UserId, deterministicId } from '../shared';
import { AddContract } from './contract.commands';
import { contractDecider, contractStream } from './contract.decider';
import { ContractAdded } from './contract.events';

const contractId = 'con-1' as ContractId;
const agreementId = 'agr-1' as AgreementId;
const at = '2025-03-03T10:00:00.000Z';
const csam: Caller = { userId: 'u-csam' as UserId, providerRoles: ['CSAM'] };

const add: AddContract = {
  type: 'AddContract',
  contractId,
  agreementId,
  agreementExists: true,
  startsOn: '2025-01-01',
  endsOn: '2025-12-31',
  entitlements: [
    {
      entitlementId: 'ent-dse' as EntitlementId,
      category: 'proactive',
      service: 'Designated Support Engineering',
      unit: 'hours',
      quantity: 40.5,
      kind: 'consumable',
    },
    {
      category: 'contacts',
      service: 'Named contacts',
      unit: 'seats',
      quantity: 6,
      kind: 'benefit',
    },
  ],
  at,
  by: csam,
};

const added: ContractAdded = {
  type: 'ContractAdded',
  data: {
    contractId,
    agreementId,
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    entitlements: [
      { ...add.entitlements[0], entitlementId: 'ent-dse' as EntitlementId },
      {
        ...add.entitlements[1],
        entitlementId: deterministicId('entitlement', contractId, '1') as EntitlementId,
      },
    ],
    addedAt: at,
  },
};

const line = add.entitlements[1];

describe('contract decider', () => {
  it('names its stream', () => {
    expect(contractStream(contractId)).toBe('contract-con-1');
  });

  it('adds the contract, deriving missing entitlement ids from the contract and position', () => {
    given(contractDecider).when(add).then([added]);
  });

  it('refuses a caller who is not CSAM or AC', () => {
    given(contractDecider)
      .when({ ...add, by: { userId: 'u-x' as UserId, providerRoles: ['Auditor'] } })
      .thenFails('provider_role_required');
  });

  it('answers 404 when the agreement does not exist', () => {
    given(contractDecider)
      .when({ ...add, agreementExists: false })
      .thenFails('agreement_not_found');
  });

  it('refuses a contract id already used', () => {
    given(contractDecider, [added]).when(add).thenFails('contract_already_exists');
  });

  it('refuses a contract dated outside its agreement', () => {
    given(contractDecider)
      .when({ ...add, agreementPeriod: { startsOn: '2025-02-01', endsOn: '2026-01-31' } })
      .thenFails('contract_outside_agreement');
    given(contractDecider)
      .when({ ...add, agreementPeriod: { startsOn: '2024-01-01', endsOn: '2025-06-30' } })
      .thenFails('contract_outside_agreement');
    given(contractDecider)
      .when({ ...add, agreementPeriod: { startsOn: '2025-01-01', endsOn: '2025-12-31' } })
      .thenEvents(([event]) => expect(event.type).toBe('ContractAdded'));
  });

  it('refuses an end before the start', () => {
    const error = given(contractDecider)
      .when({ ...add, startsOn: '2026-01-01' })
      .thenFails('validation_failed');
    expect(error.details).toEqual({ endsOn: ['must not precede startsOn'] });
  });

  it('refuses a contract without entitlements', () => {
    const error = given(contractDecider)
      .when({ ...add, entitlements: [] })
      .thenFails('validation_failed');
    expect(error.details).toHaveProperty('entitlements');
  });

  it.each([0, -1, 1.0000005, 1e-7, Number.NaN])('refuses line quantity %p', (quantity) => {
    const error = given(contractDecider)
      .when({ ...add, entitlements: [{ ...line, quantity }] })
      .thenFails('validation_failed');
    expect(error.details).toHaveProperty(['entitlements[0].quantity']);
  });

  it('accepts a line quantity with six decimals, like a consumption quantity', () => {
    given(contractDecider)
      .when({ ...add, entitlements: [{ ...line, quantity: 10.125001 }] })
      .thenEvents(([event]) =>
        expect(event.data).toMatchObject({ entitlements: [{ quantity: 10.125001 }] }),
      );
  });

  it('refuses duplicate entitlement ids', () => {
    const id = 'dup' as EntitlementId;
    const error = given(contractDecider)
      .when({
        ...add,
        entitlements: [
          { ...line, entitlementId: id },
          { ...line, entitlementId: id },
        ],
      })
      .thenFails('validation_failed');
    expect(error.details).toEqual({ 'entitlements[1].entitlementId': ['duplicate'] });
  });

  it('refuses an unknown category or kind', () => {
    const error = given(contractDecider)
      .when({
        ...add,
        entitlements: [{ ...line, category: 'gold' as never, kind: 'maybe' as never }],
      })
      .thenFails('validation_failed');
    expect(Object.keys(error.details ?? {})).toEqual([
      'entitlements[0].category',
      'entitlements[0].kind',
    ]);
  });
});
