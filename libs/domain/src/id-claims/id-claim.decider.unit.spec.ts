import { given } from '@hub/testing';
import { ClaimId } from './id-claim.commands';
import { idClaimDecider, idClaimStream } from './id-claim.decider';
import { IdClaimed } from './id-claim.events';

const at = '2025-03-03T10:00:00.000Z';
const claim: ClaimId = {
  type: 'ClaimId',
  kind: 'invitation',
  id: 'inv-1',
  ownerStream: 'workspace-ws-1',
  at,
};
const claimed: IdClaimed = {
  type: 'IdClaimed',
  data: { kind: 'invitation', id: 'inv-1', ownerStream: 'workspace-ws-1', claimedAt: at },
};

describe('id claim decider', () => {
  it('names its stream by kind and id', () => {
    expect(idClaimStream('consumption', 'c-1')).toBe('id-consumption-c-1');
  });

  it('claims an unclaimed id', () => {
    given(idClaimDecider).when(claim).then([claimed]);
  });

  it('is a no-op for the same owner', () => {
    given(idClaimDecider, [claimed])
      .when({ ...claim, at: '2025-03-04T00:00:00.000Z' })
      .thenNothing();
  });

  it('refuses another owner with <kind>_id_conflict', () => {
    given(idClaimDecider, [claimed])
      .when({ ...claim, ownerStream: 'workspace-ws-2' })
      .thenFails('invitation_id_conflict');
    given(idClaimDecider, [{ ...claimed, data: { ...claimed.data, kind: 'consumption' } }])
      .when({ ...claim, kind: 'consumption', ownerStream: 'ledger-con-2' })
      .thenFails('consumption_id_conflict');
  });

  it('refuses an inbound message id reused with another payload as message_id_reused', () => {
    const message = { ...claim, kind: 'message', id: 'm-1', ownerStream: 'payload-aaa' };
    given(idClaimDecider, [
      {
        ...claimed,
        data: { ...claimed.data, kind: 'message', id: 'm-1', ownerStream: 'payload-aaa' },
      },
    ])
      .when({ ...message, ownerStream: 'payload-bbb' })
      .thenFails('message_id_reused');
    given(idClaimDecider, [
      {
        ...claimed,
        data: { ...claimed.data, kind: 'message', id: 'm-1', ownerStream: 'payload-aaa' },
      },
    ])
      .when(message)
      .thenNothing();
  });
});
