import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { EntitlementDto } from '../contracts/entitlement.dto';
import { IsDay, IsIdentifier, Text } from '../contracts/fields';

/** POST /v1/contracts/{contractId}/packages: a CSAM or AC adds an add-on package. */
export class PurchasePackageDto {
  @ApiPropertyOptional({ description: 'Chosen by the caller; generated when absent' })
  @IsOptional()
  @IsIdentifier()
  packageId?: string;

  @Text(200, { example: 'Enhanced solution: SAP on Azure' })
  name!: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsDay()
  expiresOn!: string;

  @ApiProperty({ type: [EntitlementDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => EntitlementDto)
  entitlements!: EntitlementDto[];
}

/** POST /v1/packages/{packageId}/withdraw. */
export class WithdrawPackageDto {
  @Text(2000, { example: 'Replaced by a larger package' })
  reason!: string;
}

/** The answer of POST …/packages. */
export class PackagePurchasedAnswer {
  @ApiProperty()
  packageId!: string;

  @ApiProperty({ description: 'Global position of the last event appended (for minPosition)' })
  position!: string;
}
