import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { EntitlementDto } from './entitlement.dto';
import { IsDay, IsIdentifier } from './fields';

/** POST /v1/agreements/{agreementId}/contracts: a CSAM or AC adds a contract. */
export class AddContractDto {
  @ApiPropertyOptional({ description: 'Chosen by the caller; generated when absent' })
  @IsOptional()
  @IsIdentifier()
  contractId?: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsDay()
  startsOn!: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsDay()
  endsOn!: string;

  @ApiProperty({ type: [EntitlementDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => EntitlementDto)
  entitlements!: EntitlementDto[];
}

/** The answer of POST …/contracts. */
export class ContractAddedAnswer {
  @ApiProperty()
  contractId!: string;

  @ApiProperty({ description: 'Global position of the last event appended (for minPosition)' })
  position!: string;
}
