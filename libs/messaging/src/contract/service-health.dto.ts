import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IdField, InstantField, TextField } from './validators';

/** Where an incident stands (domain.md §6, "Service health"). */
export const INCIDENT_STATUS_VALUES = [
  'investigating',
  'service-degradation',
  'service-interruption',
  'restored',
  'resolved',
] as const;

/** An internal service reports an incident of a customer's workload, or its new status. */
export class ServiceIncidentReportedPayload {
  @IdField()
  incidentId!: string;

  @IdField()
  orgId!: string;

  @TextField(100, { example: 'exchange-online' })
  workload!: string;

  @ApiProperty({ enum: INCIDENT_STATUS_VALUES })
  @IsIn(INCIDENT_STATUS_VALUES)
  status!: (typeof INCIDENT_STATUS_VALUES)[number];

  @TextField(500)
  title!: string;

  @InstantField()
  startedAt!: string;

  @IsOptional()
  @InstantField()
  endedAt?: string;
}
