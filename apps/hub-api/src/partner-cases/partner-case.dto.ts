import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CaseType, Severity } from '@hub/domain/cases';
import { Workload } from '@hub/domain/gdap';
import { PRODUCTS } from '@hub/domain/subscriptions';
import { ID_MESSAGE, ID_PATTERN } from '../partners/partner.dto';

/** The partner's own contact: an on-behalf case carries it, not the customer's (domain.md §6). */
export class PartnerContactDto {
  @ApiProperty({ example: 'Pat Partner' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'support@fabrikam.example' })
  @IsEmail()
  email!: string;

  @ApiProperty({ example: '+1 555 0100' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  phone!: string;
}

/** POST /v1/partners/{partnerId}/cases: an AdminAgent files a case on behalf of a customer. */
export class OpenPartnerCaseDto {
  @ApiProperty({ example: 'org-contoso' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  customerOrgId!: string;

  @ApiPropertyOptional({ example: 'sub-azure-1', description: 'Required for azure' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  subscriptionId?: string;

  @ApiProperty({ enum: PRODUCTS })
  @IsIn(PRODUCTS)
  workload!: Workload;

  @ApiProperty({ enum: ['A', 'B', 'C'] })
  @IsIn(['A', 'B', 'C'])
  severity!: Severity;

  @ApiProperty({ enum: ['problem-resolution', 'advisory'] })
  @IsIn(['problem-resolution', 'advisory'])
  type!: CaseType;

  @ApiProperty({ example: 'VMs unreachable in West Europe' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title!: string;

  @ApiProperty({ type: PartnerContactDto })
  @IsDefined()
  @ValidateNested()
  @IsObject()
  @Type(() => PartnerContactDto)
  partnerContact!: PartnerContactDto;

  @ApiPropertyOptional({ description: "The partner's own plan, for its own subscriptions" })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  supportPlanId?: string;
}

export class PartnerCaseOpenedAnswer {
  @ApiProperty()
  caseId!: string;

  @ApiProperty()
  initialResponseDueAt!: string;

  @ApiProperty()
  position!: string;
}
