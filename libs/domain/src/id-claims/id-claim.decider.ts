import { Decider, refuse } from '../shared';
import { IdClaimCommand } from './id-claim.commands';
import { IdClaimEvent } from './id-claim.events';

/** The well-known kinds of claimed ids. */
export const ID_KINDS = {
  invitation: 'invitation',
  consumption: 'consumption',
  message: 'message',
} as const;

/**
 * The code a clash is refused with: `<kind>_id_conflict`, except an inbound message id reused
 * with another payload, which api.md names `message_id_reused` (the owner is the payload's hash).
 */
export function conflictCodeOf(kind: string): string {
  return kind === ID_KINDS.message ? 'message_id_reused' : `${kind}_id_conflict`;
}

/** The stream recording who owns one id of a kind. */
export function idClaimStream(kind: string, id: string): string {
  return `id-${kind}-${id}`;
}

/** Who owns the id, once claimed. */
export interface IdClaimState {
  ownerStream: string | null;
}

/** Id claim: an id has at most one owner stream, so a retry is harmless and a clash is refused. */
export const idClaimDecider: Decider<IdClaimCommand, IdClaimEvent, IdClaimState> = {
  initialState: { ownerStream: null },

  decide(command, state) {
    switch (command.type) {
      case 'ClaimId': {
        if (state.ownerStream === command.ownerStream) return [];
        if (state.ownerStream !== null) {
          refuse(
            conflictCodeOf(command.kind),
            `The ${command.kind} id ${command.id} is already used elsewhere.`,
            { kind: command.kind, id: command.id },
          );
        }
        return [
          {
            type: 'IdClaimed',
            data: {
              kind: command.kind,
              id: command.id,
              ownerStream: command.ownerStream,
              claimedAt: command.at,
            },
          },
        ];
      }
    }
  },

  evolve(_state, event) {
    switch (event.type) {
      case 'IdClaimed':
        return { ownerStream: event.data.ownerStream };
    }
  },
};
