import { RelationshipId, UserId } from '@hub/domain';
import {
  GdapRelationshipApproved,
  GdapRelationshipRequested,
  GdapRelationshipTerminated,
} from '@hub/domain/gdap/gdap.events';
import { GdapRelationshipExtended } from '@hub/domain/gdap/gdap-term.events';
import { reacting, recorded } from '@hub/testing/workflow-given-when-then';
import { gdapTerms } from './gdap-terms.workflow';

const relationshipId = 'rel-1' as RelationshipId;
const owner = 'gdap-term:rel-1';
const due = (key: string, at: string) =>
  expect.objectContaining({
    kind: 'schedule',
    timer: expect.objectContaining({ key: `${owner}:${key}`, dueAt: at }),
  });

describe('gdap-terms workflow', () => {
  it('puts a request’s lapse the instant after its approval deadline', () => {
    const requested = {
      type: 'GdapRelationshipRequested',
      data: { relationshipId, approvalDeadline: '2026-05-31T09:00:00.000Z' },
    } as unknown as GdapRelationshipRequested;
    reacting(gdapTerms)
      .when(recorded(requested, 'gdap-rel-1'))
      .then([due('lapse', '2026-05-31T09:00:00.001Z')]);
  });

  it('an approval cancels the lapse and puts the 30/7/1-day notices and the end', () => {
    const approved = {
      type: 'GdapRelationshipApproved',
      data: {
        relationshipId,
        approvedBy: 'u' as UserId,
        approvedAt: '2026-03-02T09:00:00.000Z',
        endsAt: '2026-04-11T09:00:00.000Z',
      },
    } as GdapRelationshipApproved;
    reacting(gdapTerms)
      .when(recorded(approved, 'gdap-rel-1'))
      .then([
        { kind: 'cancel', owner },
        due('30', '2026-03-12T09:00:00.000Z'),
        due('7', '2026-04-04T09:00:00.000Z'),
        due('1', '2026-04-10T09:00:00.000Z'),
        due('end', '2026-04-11T09:00:00.000Z'),
      ]);
  });

  it('skips notices that fall before a short term starts; an extension puts the next term', () => {
    const extended = {
      type: 'GdapRelationshipExtended',
      data: {
        relationshipId,
        previousEndsAt: '2026-04-11T09:00:00.000Z',
        endsAt: '2026-04-16T09:00:00.000Z',
        extendedAt: '2026-04-11T09:00:00.000Z',
      },
    } as GdapRelationshipExtended;
    reacting(gdapTerms)
      .when(recorded(extended, 'gdap-rel-1'))
      .then([due('1', '2026-04-15T09:00:00.000Z'), due('end', '2026-04-16T09:00:00.000Z')]);
  });

  it('a termination cancels what is pending', () => {
    const terminated = {
      type: 'GdapRelationshipTerminated',
      data: {
        relationshipId,
        terminatedBy: 'u' as UserId,
        terminatedAt: '2026-03-03T09:00:00.000Z',
        by: 'partner',
      },
    } as GdapRelationshipTerminated;
    reacting(gdapTerms)
      .when(recorded(terminated, 'gdap-rel-1'))
      .then([{ kind: 'cancel', owner }]);
  });
});
