import { Caller, Decider, DomainEvent, ForbiddenError, OrgId, ValidationError } from '../shared';

/** Where an incident stands (domain.md §6, "Service health"). */
export const INCIDENT_STATUSES = [
  'investigating',
  'service-degradation',
  'service-interruption',
  'restored',
  'resolved',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** An internal service reported an incident of a customer's workload, or its new status. */
export type ServiceIncidentRecorded = DomainEvent<
  'ServiceIncidentRecorded',
  {
    incidentId: string;
    orgId: OrgId;
    workload: string;
    status: IncidentStatus;
    title: string;
    startedAt: string;
    endedAt?: string;
    reportedAt: string;
  }
>;

/** ServiceIncidentReported (directory topic or POST /v1/directory/events). */
export interface RecordServiceIncident {
  type: 'RecordServiceIncident';
  incident: Omit<ServiceIncidentRecorded['data'], 'reportedAt'>;
  at: string;
  by: Caller;
}

export type ServiceIncidentState =
  | { status: 'none' }
  | { status: 'known'; last: Omit<ServiceIncidentRecorded['data'], 'reportedAt'> };

/** The stream of one incident's reports. */
export function incidentStream(incidentId: string): string {
  return `incident-${incidentId}`;
}

const instant = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value));

/** An incident: each report records its status; the same report again records nothing. */
export const serviceIncidentDecider: Decider<
  RecordServiceIncident,
  ServiceIncidentRecorded,
  ServiceIncidentState
> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (!command.by.service) {
      throw new ForbiddenError('Only an internal service reports incidents.', 'service_required');
    }
    const incident = command.incident;
    const fields: Record<string, string[]> = {};
    if (!INCIDENT_STATUSES.includes(incident.status)) {
      fields.status = [`must be one of ${INCIDENT_STATUSES.join(', ')}`];
    }
    if (!instant(incident.startedAt)) fields.startedAt = ['must be an ISO instant'];
    if (incident.endedAt !== undefined && !instant(incident.endedAt)) {
      fields.endedAt = ['must be an ISO instant'];
    }
    if (state.status === 'known' && state.last.orgId !== incident.orgId) {
      fields.orgId = ['an incident belongs to one organisation'];
    }
    if (Object.keys(fields).length > 0) throw new ValidationError('Invalid incident.', fields);
    if (state.status === 'known' && JSON.stringify(state.last) === JSON.stringify(incident)) {
      return [];
    }
    return [{ type: 'ServiceIncidentRecorded', data: { ...incident, reportedAt: command.at } }];
  },
  evolve(_state, event) {
    const { reportedAt: _at, ...last } = event.data;
    return { status: 'known', last };
  },
};
