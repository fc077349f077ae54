import { RecordedEvent } from '@hub/event-store';
import {
  AgreementActivated,
  CustomerAdministratorAppointed,
  CustomerAdministratorRemoved,
} from '@hub/domain/agreements/agreement.events';
import {
  GdapRelationshipApproved,
  GdapRelationshipRequested,
  GdapRelationshipTerminated,
} from '@hub/domain/gdap/gdap.events';
import { GdapRelationshipExtended } from '@hub/domain/gdap/gdap-term.events';
import { ReadOnlySessionOpened } from '@hub/domain/helpdesk/readonly-session.events';
import { ReadOnlyAccessConsentWithdrawn } from '@hub/domain/subscriptions/customer-subscriptions.events';
import { ServiceIncidentRecorded } from '@hub/domain/directory/service-incident';
import { DocKey, Projection, ProjectionDocs } from '@hub/projection/projection';
import {
  PARTNER_RELATIONS_COLLECTIONS as C,
  AgreementOrgDoc,
  ConsentDoc,
  GdapDoc,
  OrgAdminDoc,
  consentId,
  orgAdminId,
} from './partner-relations.documents';

type PartnerRelationsEvent =
  | GdapRelationshipRequested
  | GdapRelationshipApproved
  | GdapRelationshipTerminated
  | GdapRelationshipExtended
  | ReadOnlySessionOpened
  | ReadOnlyAccessConsentWithdrawn
  | ServiceIncidentRecorded
  | AgreementActivated
  | CustomerAdministratorAppointed
  | CustomerAdministratorRemoved;

const HANDLES: readonly PartnerRelationsEvent['type'][] = [
  'GdapRelationshipRequested',
  'GdapRelationshipApproved',
  'GdapRelationshipTerminated',
  'GdapRelationshipExtended',
  'ReadOnlySessionOpened',
  'ReadOnlyAccessConsentWithdrawn',
  'ServiceIncidentRecorded',
  'AgreementActivated',
  'CustomerAdministratorAppointed',
  'CustomerAdministratorRemoved',
];

function locate(recorded: RecordedEvent): DocKey[] {
  const event = recorded as unknown as PartnerRelationsEvent;
  switch (event.type) {
    case 'GdapRelationshipRequested':
    case 'GdapRelationshipApproved':
    case 'GdapRelationshipTerminated':
    case 'GdapRelationshipExtended':
      return [{ collection: C.gdap, id: event.data.relationshipId }];
    case 'ReadOnlySessionOpened':
      return [{ collection: C.sessions, id: event.data.sessionId }];
    case 'ReadOnlyAccessConsentWithdrawn':
      return [{ collection: C.consents, id: consentId(event.data.orgId, event.data.partnerId) }];
    case 'ServiceIncidentRecorded':
      return [{ collection: C.incidents, id: event.data.incidentId }];
    case 'AgreementActivated':
      return [{ collection: C.agreements, id: event.data.agreementId }];
    case 'CustomerAdministratorAppointed':
    case 'CustomerAdministratorRemoved':
      return [
        { collection: C.agreements, id: event.data.agreementId },
        { collection: C.orgAdmins, id: orgAdminId(event.data.agreementId, event.data.userId) },
      ];
  }
}

function updateGdap(docs: ProjectionDocs, id: string, change: Partial<GdapDoc>): void {
  const doc = docs.get<GdapDoc>(C.gdap, id);
  if (doc) docs.put(C.gdap, id, { ...doc, ...change });
}

function evolve(docs: ProjectionDocs, recorded: RecordedEvent): void {
  const event = recorded as unknown as PartnerRelationsEvent;
  switch (event.type) {
    case 'GdapRelationshipRequested': {
      const data = event.data;
      const doc: GdapDoc = {
        relationshipId: data.relationshipId,
        partnerId: data.partnerId,
        customerOrgId: data.customerOrgId,
        roles: [...data.roles],
        durationDays: data.durationDays,
        autoExtend: data.autoExtend === true,
        requestedAt: data.requestedAt,
        approvalDeadline: data.approvalDeadline,
        approvedAt: null,
        endsAt: null,
        terminatedAt: null,
      };
      return docs.put(C.gdap, data.relationshipId, doc);
    }
    case 'GdapRelationshipApproved':
      return updateGdap(docs, event.data.relationshipId, {
        approvedAt: event.data.approvedAt,
        endsAt: event.data.endsAt,
      });
    case 'GdapRelationshipTerminated':
      return updateGdap(docs, event.data.relationshipId, {
        terminatedAt: event.data.terminatedAt,
      });
    case 'GdapRelationshipExtended':
      // The clock extended an autoExtend relationship at its end: it runs to the new end.
      return updateGdap(docs, event.data.relationshipId, { endsAt: event.data.endsAt });
    case 'ReadOnlySessionOpened': {
      const { sessionId, orgId, partnerId, agentUserId, openedAt, endsAt } = event.data;
      return docs.put(C.sessions, sessionId, {
        sessionId,
        orgId,
        partnerId,
        agentUserId,
        openedAt,
        endsAt,
      });
    }
    case 'ReadOnlyAccessConsentWithdrawn': {
      const { orgId, partnerId, withdrawnAt } = event.data;
      const id = consentId(orgId, partnerId);
      const doc = docs.get<ConsentDoc>(C.consents, id) ?? { orgId, partnerId, withdrawals: [] };
      if (doc.withdrawals.includes(withdrawnAt)) return;
      return docs.put(C.consents, id, {
        ...doc,
        withdrawals: [...doc.withdrawals, withdrawnAt].sort(),
      });
    }
    case 'ServiceIncidentRecorded': {
      const { incidentId, orgId, workload, status, title, startedAt, endedAt } = event.data;
      return docs.put(C.incidents, incidentId, {
        incidentId,
        orgId,
        workload,
        status,
        title,
        startedAt,
        endedAt: endedAt ?? null,
      });
    }
    case 'AgreementActivated': {
      const doc: AgreementOrgDoc = {
        agreementId: event.data.agreementId,
        orgId: event.data.customer.orgId,
      };
      return docs.put(C.agreements, event.data.agreementId, doc);
    }
    case 'CustomerAdministratorAppointed': {
      const agreement = docs.get<AgreementOrgDoc>(C.agreements, event.data.agreementId);
      if (!agreement) return;
      const { agreementId, userId } = event.data;
      const doc: OrgAdminDoc = { agreementId, orgId: agreement.orgId, userId };
      return docs.put(C.orgAdmins, orgAdminId(agreementId, userId), doc);
    }
    case 'CustomerAdministratorRemoved':
      return docs.delete(C.orgAdmins, orgAdminId(event.data.agreementId, event.data.userId));
  }
}

/**
 * What partners and customers see of each other (domain.md §6, §7): GDAP relationships from
 * both sides, read-only sessions held on an organisation, a customer's service incidents, and
 * who administers each customer organisation (to scope those answers).
 */
export const partnerRelationsProjection: Projection = {
  name: 'partner-relations',
  // 2: an automatic extension moves the relationship's end.
  version: 2,
  handles: HANDLES,
  collections: [
    { name: C.gdap, indexes: [['partnerId'], ['customerOrgId']] },
    { name: C.sessions, indexes: [['orgId']] },
    { name: C.consents },
    { name: C.incidents, indexes: [['orgId']] },
    { name: C.agreements },
    { name: C.orgAdmins, indexes: [['userId', 'orgId']] },
  ],
  locate,
  evolve,
};
