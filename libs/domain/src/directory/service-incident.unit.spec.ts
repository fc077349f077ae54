import { given } from '@hub/testing';
import { Caller, OrgId, UserId } from '../shared';
import { RecordServiceIncident, serviceIncidentDecider } from './service-incident';

const service: Caller = { userId: 'svc-health' as UserId, providerRoles: [], service: true };
const report: RecordServiceIncident = {
  type: 'RecordServiceIncident',
  incident: {
    incidentId: 'inc-1',
    orgId: 'org-1' as OrgId,
    workload: 'exchange-online',
    status: 'investigating',
    title: 'Mail delayed',
    startedAt: '2026-03-02T09:00:00.000Z',
  },
  at: '2026-03-02T09:05:00.000Z',
  by: service,
};

describe('service incident decider (domain.md §6, service health)', () => {
  it('records a reported incident, and each new status of it', () => {
    const [first] = given(serviceIncidentDecider)
      .when(report)
      .then([
        { type: 'ServiceIncidentRecorded', data: { ...report.incident, reportedAt: report.at } },
      ]);
    given(serviceIncidentDecider, [first])
      .when({
        ...report,
        incident: { ...report.incident, status: 'resolved', endedAt: '2026-03-02T12:00:00.000Z' },
      })
      .thenEvents(([event]) => expect(event.data).toMatchObject({ status: 'resolved' }));
    given(serviceIncidentDecider, [first]).when(report).thenNothing();
  });

  it('refuses an unknown status, a person, and an incident moved to another organisation', () => {
    given(serviceIncidentDecider)
      .when({ ...report, incident: { ...report.incident, status: 'on-fire' as never } })
      .thenFails('validation_failed');
    given(serviceIncidentDecider)
      .when({ ...report, by: { userId: 'u-1' as UserId, providerRoles: [] } })
      .thenFails('service_required');
    const [first] = given(serviceIncidentDecider)
      .when(report)
      .thenEvents(() => {});
    given(serviceIncidentDecider, [first])
      .when({ ...report, incident: { ...report.incident, orgId: 'org-2' as OrgId } })
      .thenFails('validation_failed');
  });
});
