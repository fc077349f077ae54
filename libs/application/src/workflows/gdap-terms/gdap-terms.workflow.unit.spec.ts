import { RelationshipId, UserId } from '@hub/domain';
import {
  GdapRelationshipApproved,
  GdapRelationshipRequested,
  GdapRelationshipTerminated,
} from '@hub/domain/gdap/gdap.events';
import { GdapRelationshipExtended } from '@hub/domain/gdap/gdap-term.events';
import { reacting, recorded } from '@hub/testing/workflow-given-when-then';
import { gdapTerms } from './gdap-terms.workflow';

type GdapFact =
  | GdapRelationshipRequested
  | GdapRelationshipApproved
  | GdapRelationshipExtended
  | GdapRelationshipTerminated;

const relationshipId = 'rel-1' as RelationshipId;
const owner = 'gdap-term:rel-1';
const due = (key: string, at: string) =>
  expect.objectContaining({
    kind: 'schedule',
    timer: expect.objectContaining({ key: `${owner}:${key}`, dueAt: at }),
  });
/** A fact of relationship rel-1 as recorded on its stream (only what the workflow reads). */
const onRel1 = <E extends GdapFact>(type: E['type'], data: Record<string, unknown>) =>
  recorded({ type, data: { relationshipId, ...data } } as E, 'gdap-rel-1');

describe('gdap-terms workflow', () => {
  it('puts a request’s lapse the instant after its approval deadline', () => {
    const requested = { approvalDeadline: '2026-05-31T09:00:00.000Z' };
    reacting(gdapTerms)
      .when(onRel1<GdapRelationshipRequested>('GdapRelationshipRequested', requested))
      .then([due('lapse', '2026-05-31T09:00:00.001Z')]);
  });

  it('an approval cancels the lapse and puts the 30/7/1-day notices and the end', () => {
    const approved = {
      approvedBy: 'u' as UserId,
      approvedAt: '2026-03-02T09:00:00.000Z',
      endsAt: '2026-04-11T09:00:00.000Z',
    };
    reacting(gdapTerms)
      .when(onRel1<GdapRelationshipApproved>('GdapRelationshipApproved', approved))
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
      previousEndsAt: '2026-04-11T09:00:00.000Z',
      endsAt: '2026-04-16T09:00:00.000Z',
      extendedAt: '2026-04-11T09:00:00.000Z',
    };
    reacting(gdapTerms)
      .when(onRel1<GdapRelationshipExtended>('GdapRelationshipExtended', extended))
      .then([due('1', '2026-04-15T09:00:00.000Z'), due('end', '2026-04-16T09:00:00.000Z')]);
  });

  it('a termination cancels what is pending', () => {
    const terminated = {
      terminatedBy: 'u' as UserId,
      terminatedAt: '2026-03-03T09:00:00.000Z',
      by: 'partner',
    };
    reacting(gdapTerms)
      .when(onRel1<GdapRelationshipTerminated>('GdapRelationshipTerminated', terminated))
      .then([{ kind: 'cancel', owner }]);
  });
});
