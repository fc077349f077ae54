import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsDay, IsIdentifier, IsQuantity } from '../contracts/fields';

/** What a consumption record was for: a case, an engagement, a course… */
export class ConsumptionReferenceDto {
  @ApiProperty({ example: 'case' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  kind!: string;

  @ApiProperty({ example: 'case-123' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id!: string;
}

/** POST /v1/consumption (and the ConsumptionDelivered message's payload). */
export class LogConsumptionDto {
  @ApiProperty({ description: "The reporting system's id: the same id again records nothing" })
  @IsIdentifier()
  consumptionId!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  contractId!: string;

  @ApiPropertyOptional({ description: 'When the entitlement is an add-on package line' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  packageId?: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  entitlementId!: string;

  @ApiProperty({ example: 2.5, description: 'Positive, at most two decimals' })
  @IsQuantity()
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

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  workspaceId?: string;

  @ApiPropertyOptional({
    example: 6,
    description: 'Proactive lines only: the hours the service took, whatever its unit',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(1_000_000)
  deliveredHours?: number;
}

/** POST /v1/consumption/{consumptionId}/reversal. */
export class ReverseConsumptionDto {
  @ApiProperty({ example: 'Logged against the wrong contract' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** The answer of a consumption command. */
export class ConsumptionAnswer {
  @ApiProperty()
  consumptionId!: string;

  @ApiProperty({ description: 'Global position of the last event appended (for minPosition)' })
  position!: string;
}
