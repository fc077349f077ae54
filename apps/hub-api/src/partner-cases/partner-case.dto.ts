import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Text, OptionalText } from '../contracts/fields';
import { CaseType, Severity } from '@hub/domain/cases';
import { Workload } from '@hub/domain/gdap';
import { PRODUCTS } from '@hub/domain/subscriptions';
import { ID_MESSAGE, ID_PATTERN } from '../partners/partner.dto';

/** The partner's own contact: an on-behalf case carries it, not the customer's (domain.md §6). */
export class PartnerContactDto {
  @Text(200, { example: 'Pat Partner' })
  name!: string;

  @ApiProperty({ example: 'support@fabrikam.example' })
  @IsEmail()
  email!: string;

  @Text(50, { example: '+1 555 0100' })
  phone!: string;
}

/** The partner's own support plan, for a case about its own subscription (domain.md §6). */
export class SupportPlanDto {
  @ApiProperty({ enum: ['premier', 'partner-program', 'azure-support'] })
  @IsIn(['premier', 'partner-program', 'azure-support'])
  kind!: 'premier' | 'partner-program' | 'azure-support';

  @ApiProperty({ example: 'PREMIER-20250001' })
  @IsString()
  @MaxLength(100)
  id!: string;
}

/**
 * POST /v1/partners/{partnerId}/cases: an AdminAgent files a case on behalf of a customer, or,
 * with `customerOrgId` omitted and a `supportPlan`, about the partner's own subscription.
 */
export class OpenPartnerCaseDto {
  @ApiPropertyOptional({
    example: 'org-contoso',
    description: "Omitted for a case about the partner's own subscription",
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  customerOrgId?: string;

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

  @Text(300, { example: 'VMs unreachable in West Europe' })
  title!: string;

  @ApiProperty({ type: PartnerContactDto })
  @IsDefined()
  @ValidateNested()
  @IsObject()
  @Type(() => PartnerContactDto)
  partnerContact!: PartnerContactDto;

  @OptionalText(100, { description: "The partner's own plan, for its own subscriptions" })
  supportPlanId?: string;

  @ApiPropertyOptional({
    type: SupportPlanDto,
    description:
      "Required for a case about the partner's own subscription (409 support_plan_required without a valid one)",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SupportPlanDto)
  supportPlan?: SupportPlanDto;
}

export class PartnerCaseOpenedAnswer {
  @ApiProperty()
  caseId!: string;

  @ApiProperty()
  initialResponseDueAt!: string;

  @ApiProperty()
  position!: string;
}
