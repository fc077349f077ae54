import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { EntitlementDto } from '../contracts/entitlement.dto';
import { IsDay, IsIdentifier } from '../contracts/fields';

/** POST /v1/contracts/{contractId}/packages: a CSAM or AC adds an add-on package. */
export class PurchasePackageDto {
  @ApiPropertyOptional({ description: 'Chosen by the caller; generated when absent' })
  @IsOptional()
  @IsIdentifier()
  packageId?: string;

  @ApiProperty({ example: 'Enhanced solution: SAP on Azure' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
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
  @ApiProperty({ example: 'Replaced by a larger package' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** The answer of POST …/packages. */
export class PackagePurchasedAnswer {
  @ApiProperty()
  packageId!: string;

  @ApiProperty({ description: 'Global position of the last event appended (for minPosition)' })
  position!: string;
}
