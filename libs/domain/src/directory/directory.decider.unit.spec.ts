import { given } from '@hub/testing';
import { Caller, OrgId, PartnerId, UserId, fold } from '../shared';
import {
  canonicalJson,
  directoryOrgStream,
  directoryUserStream,
  isManagedBy,
  organizationDirectoryDecider,
  userDirectoryDecider,
} from './directory.decider';
import { EmailStatusReported, OrganizationRecord, UserRecord } from './directory.events';

const service: Caller = { userId: 'svc-directory' as UserId, providerRoles: [], service: true };
const person: Caller = { userId: 'u-1' as UserId, providerRoles: [] };

const org: OrganizationRecord = {
  orgId: 'org-contoso' as OrgId,
  name: 'Contoso',
  createdAt: '2024-01-01T00:00:00.000Z',
  domains: [{ name: 'contoso.example', status: 'verified' }],
  sites: ['contoso.meet.example'],
  orderNumbers: ['ORD-1'],
  managedByPartnerIds: ['p-1' as PartnerId],
  administrators: [{ userId: 'u-admin' as UserId, email: 'admin@contoso.example' }],
  licences: [{ sku: 'E5', quantity: 10 }],
};
const user: UserRecord = {
  userId: 'u-1' as UserId,
  orgId: org.orgId,
  email: 'ann@contoso.example',
  firstName: 'Ann',
  lastName: 'Lee',
  displayName: 'Ann Lee',
  status: 'active',
  licences: ['E5'],
  devices: [{ deviceId: 'd-1', model: 'Laptop' }],
  features: [],
};
const report: EmailStatusReported['data'] = {
  userId: user.userId,
  email: user.email,
  messageKind: 'invitation',
  status: 'bounced',
  at: '2025-03-03T10:00:00.000Z',
};

describe('directory deciders', () => {
  it('names the streams', () => {
    expect(directoryOrgStream(org.orgId)).toBe('directory-org-org-contoso');
    expect(directoryUserStream(user.userId)).toBe('directory-user-u-1');
  });

  describe('organisation upsert', () => {
    const upsert = { type: 'UpsertOrganization' as const, record: org, by: service };

    it('records a new organisation', () => {
      given(organizationDirectoryDecider)
        .when(upsert)
        .then([{ type: 'OrganizationUpserted', data: org }]);
    });

    it('appends nothing when the record is unchanged, even with keys in another order', () => {
      const reordered = JSON.parse(canonicalJson(org)) as OrganizationRecord;
      given(organizationDirectoryDecider, [{ type: 'OrganizationUpserted', data: org }])
        .when({ ...upsert, record: reordered })
        .thenNothing();
    });

    it('records a change', () => {
      const changed = { ...org, managedByPartnerIds: [] };
      given(organizationDirectoryDecider, [{ type: 'OrganizationUpserted', data: org }])
        .when({ ...upsert, record: changed })
        .then([{ type: 'OrganizationUpserted', data: changed }]);
    });

    it('refuses anyone but a service', () => {
      given(organizationDirectoryDecider)
        .when({ ...upsert, by: person })
        .thenFails('forbidden');
    });

    it('tells which partners manage the organisation', () => {
      const state = fold(organizationDirectoryDecider, [
        { type: 'OrganizationUpserted', data: org },
      ]);
      expect(isManagedBy(state, 'p-1')).toBe(true);
      expect(isManagedBy(state, 'p-2')).toBe(false);
      expect(isManagedBy(organizationDirectoryDecider.initialState, 'p-1')).toBe(false);
    });
  });

  describe('user upsert and e-mail status', () => {
    const upsert = { type: 'UpsertUser' as const, record: user, by: service };
    const reportStatus = { type: 'ReportEmailStatus' as const, report, by: service };

    it('records a user, and nothing for the same record again', () => {
      given(userDirectoryDecider)
        .when(upsert)
        .then([{ type: 'UserUpserted', data: user }]);
      given(userDirectoryDecider, [{ type: 'UserUpserted', data: user }])
        .when(upsert)
        .thenNothing();
    });

    it('records an e-mail report, and nothing for the same report again', () => {
      given(userDirectoryDecider, [{ type: 'UserUpserted', data: user }])
        .when(reportStatus)
        .then([{ type: 'EmailStatusReported', data: report }]);
      given(userDirectoryDecider, [{ type: 'EmailStatusReported', data: report }])
        .when(reportStatus)
        .thenNothing();
      given(userDirectoryDecider, [{ type: 'EmailStatusReported', data: report }])
        .when({ ...reportStatus, report: { ...report, status: 'delivered' } })
        .then([{ type: 'EmailStatusReported', data: { ...report, status: 'delivered' } }]);
    });

    it('refuses anyone but a service', () => {
      given(userDirectoryDecider)
        .when({ ...upsert, by: person })
        .thenFails('forbidden');
      given(userDirectoryDecider)
        .when({ ...reportStatus, by: person })
        .thenFails('forbidden');
    });
  });
});
