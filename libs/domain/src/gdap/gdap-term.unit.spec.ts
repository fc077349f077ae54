import { given } from '@hub/testing';
import { UserId } from '../shared';
import { relationshipId, requested } from './gdap-term.fixtures';
import { gdapDecider } from './gdap.decider';
import { GdapEvent } from './gdap.events';

const endsAt = '2026-04-11T09:00:00.000Z';
const approved: GdapEvent = {
  type: 'GdapRelationshipApproved',
  data: {
    relationshipId,
    approvedBy: 'u-sa' as UserId,
    approvedAt: '2026-03-02T09:00:00.000Z',
    endsAt,
  },
};
const terminated: GdapEvent = {
  type: 'GdapRelationshipTerminated',
  data: {
    relationshipId,
    terminatedBy: 'u-pa' as UserId,
    terminatedAt: '2026-03-03T09:00:00.000Z',
    by: 'partner',
  },
};
const notice = (daysLeft: 30 | 7 | 1, at: string) => ({
  type: 'NoticeGdapExpiry' as const,
  relationshipId,
  daysLeft,
  endsAt,
  at,
});
const end = (at: string) => ({ type: 'EndGdapTerm' as const, relationshipId, endsAt, at });

describe("the hub clock on a GDAP relationship's term", () => {
  it('gives the 30-day notice at its time, not before, and once', () => {
    const history = [requested(), approved];
    given(gdapDecider, history).when(notice(30, '2026-03-12T08:59:59.999Z')).thenNothing();
    const [noticed] = given(gdapDecider, history)
      .when(notice(30, '2026-03-12T09:00:00.000Z'))
      .then([
        {
          type: 'GdapRelationshipExpiring',
          data: { relationshipId, daysLeft: 30, endsAt, noticedAt: '2026-03-12T09:00:00.000Z' },
        },
      ]);
    given(gdapDecider, [...history, noticed])
      .when(notice(30, '2026-03-13T09:00:00.000Z'))
      .thenNothing();
  });

  it('records the end at endsAt, once; with autoExtend it extends by 180 days instead', () => {
    given(gdapDecider, [requested(), approved]).when(end('2026-04-11T08:59:59.999Z')).thenNothing();
    const [expired] = given(gdapDecider, [requested(), approved])
      .when(end(endsAt))
      .then([
        { type: 'GdapRelationshipExpired', data: { relationshipId, endsAt, expiredAt: endsAt } },
      ]);
    given(gdapDecider, [requested(), approved, expired]).when(end(endsAt)).thenNothing();
    given(gdapDecider, [requested(true), approved])
      .when(end(endsAt))
      .then([
        {
          type: 'GdapRelationshipExtended',
          data: {
            relationshipId,
            previousEndsAt: endsAt,
            endsAt: '2026-10-08T09:00:00.000Z',
            extendedAt: endsAt,
          },
        },
      ]);
  });

  it('a termination before the end makes the notices and the end moot', () => {
    given(gdapDecider, [requested(), approved, terminated])
      .when(notice(7, '2026-04-04T09:00:00.000Z'))
      .thenNothing();
    given(gdapDecider, [requested(), approved, terminated]).when(end(endsAt)).thenNothing();
  });

  it('lapses a request the instant after its 90 days, once; an approval makes it moot', () => {
    const lapse = (at: string) => ({ type: 'LapseGdapRequest' as const, relationshipId, at });
    given(gdapDecider, [requested()]).when(lapse('2026-05-31T09:00:00.000Z')).thenNothing();
    const [lapsed] = given(gdapDecider, [requested()])
      .when(lapse('2026-05-31T09:00:00.001Z'))
      .then([
        {
          type: 'GdapRequestLapsed',
          data: {
            relationshipId,
            approvalDeadline: '2026-05-31T09:00:00.000Z',
            lapsedAt: '2026-05-31T09:00:00.001Z',
          },
        },
      ]);
    given(gdapDecider, [requested(), lapsed]).when(lapse('2026-06-01T00:00:00.000Z')).thenNothing();
    given(gdapDecider, [requested(), approved])
      .when(lapse('2026-06-01T00:00:00.000Z'))
      .thenNothing();
  });
});
