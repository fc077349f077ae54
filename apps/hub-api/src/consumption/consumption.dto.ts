import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { MAX_CONSUMED_QUANTITY } from '@hub/domain/contracts/entitlement';
import { IsDay, IsIdentifier, IsQuantity, OptionalText, Text } from '../contracts/fields';

/** What a consumption record was for: a case, an engagement, a course… */
export class ConsumptionReferenceDto {
  @Text(50, { example: 'case' })
  kind!: string;

  @Text(200, { example: 'case-123' })
  id!: string;
}

/** POST /v1/consumption (and the ConsumptionDelivered message's payload). */
export class LogConsumptionDto {
  @ApiProperty({ description: "The reporting system's id: the same id again records nothing" })
  @IsIdentifier()
  consumptionId!: string;

  @Text(100)
  contractId!: string;

  @OptionalText(100, { description: 'When the entitlement is an add-on package line' }, true)
  packageId?: string;

  @Text(100)
  entitlementId!: string;

  @ApiProperty({
    example: 2.5,
    description: 'Positive, at most 1,000,000, with at most six decimal places',
  })
  @IsQuantity(MAX_CONSUMED_QUANTITY)
  quantity!: number;

  @ApiProperty({ example: '2026-03-02' })
  @IsDay()
  deliveredOn!: string;

  @ApiProperty({ type: ConsumptionReferenceDto })
  @IsDefined()
  @ValidateNested()
  @IsObject()
  @Type(() => ConsumptionReferenceDto)
  reference!: ConsumptionReferenceDto;

  @OptionalText(100, {}, true)
  workspaceId?: string;

  @ApiPropertyOptional({
    example: 6,
    description:
      'Proactive lines only: the hours the service took, whatever its unit (a quantity: at most six decimal places)',
  })
  @IsOptional()
  @IsQuantity(MAX_CONSUMED_QUANTITY)
  deliveredHours?: number;
}

/** POST /v1/consumption/{consumptionId}/reversal. */
export class ReverseConsumptionDto {
  @Text(2000, { example: 'Logged against the wrong contract' })
  reason!: string;
}

/** The answer of a consumption command. */
export class ConsumptionAnswer {
  @ApiProperty()
  consumptionId!: string;

  @ApiProperty({ description: 'Global position of the last event appended (for minPosition)' })
  position!: string;
}
