import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { DateOnlyField, IdField, InstantField, QuantityField, TextField } from './validators';

// Payloads of the delivery topic (api.md "Inbound messages"): what internal services report
// having delivered, and when a case was first answered.

/** What a consumption record points at (a case, a course, an assessment, an engagement…). */
export class DeliveryReferenceDto {
  @TextField(100, { example: 'case' })
  kind!: string;

  @IdField({ example: 'CASE-2025-0042' })
  id!: string;
}

/** A delivery drew on an entitlement; same body as `POST /v1/consumption`. */
export class ConsumptionDeliveredPayload {
  @IdField()
  consumptionId!: string;

  @IdField()
  contractId!: string;

  @IdField({ required: false })
  @IsOptional()
  packageId?: string;

  @IdField()
  entitlementId!: string;

  // Exact to the millionth (domain.md §2); larger numbers are a producer bug.
  @QuantityField({ example: 1.5 })
  quantity!: number;

  @DateOnlyField()
  deliveredOn!: string;

  @ApiProperty({ type: DeliveryReferenceDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => DeliveryReferenceDto)
  reference!: DeliveryReferenceDto;

  @IdField({ required: false })
  @IsOptional()
  workspaceId?: string;

  /** Proactive lines only: the hours the service took, whatever its unit. */
  @QuantityField({ required: false, example: 6 })
  @IsOptional()
  deliveredHours?: number;
}

/** A consumption recorded earlier was wrong and is reversed (its quantity is given back). */
export class ConsumptionReversedPayload {
  @IdField()
  consumptionId!: string;

  @TextField(2000)
  reason!: string;
}

/** An engineer first answered a case; the hub measures the initial-response SLA from it. */
export class CaseFirstRespondedPayload {
  @IdField()
  caseId!: string;

  @InstantField()
  respondedAt!: string;
}
