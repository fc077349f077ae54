import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SupportCategory } from '@hub/domain/cases/case.events';
import { CaseType, Severity } from '@hub/domain/cases/response-target';
import { IsIdentifier, IsInstant, OptionalText, Text } from '../contracts/fields';

const SEVERITIES: Severity[] = ['A', 'B', 'C'];

/** An optional reference to something the hub may know (a contract, a package…). */
const OptionalRef = () => applyDecorators(IsOptional(), IsString(), IsNotEmpty(), MaxLength(100));

/** POST /v1/cases: a workspace member opens a case. */
export class OpenCaseDto {
  @ApiPropertyOptional({ description: 'Chosen by the caller; generated when absent' })
  @IsOptional()
  @IsIdentifier()
  caseId?: string;

  @Text(100)
  workspaceId!: string;

  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity!: Severity;

  @ApiProperty({ enum: ['problem-resolution', 'advisory'] })
  @IsIn(['problem-resolution', 'advisory'])
  type!: CaseType;

  @ApiPropertyOptional({ enum: ['SU', 'DSA', 'X85', 'REC'] })
  @IsOptional()
  @IsIn(['SU', 'DSA', 'X85', 'REC'])
  category?: SupportCategory;

  @Text(200, { example: 'Azure Virtual Machines' })
  product!: string;

  @Text(500, { example: 'Production VMs do not start' })
  title!: string;

  @OptionalText(20000)
  description?: string;

  @ApiPropertyOptional({ description: 'Defaults to the caller; must be a workspace member' })
  @OptionalRef()
  primaryContactUserId?: string;

  @ApiPropertyOptional()
  @OptionalRef()
  contractId?: string;

  @ApiPropertyOptional()
  @OptionalRef()
  packageId?: string;

  @ApiPropertyOptional()
  @OptionalRef()
  entitlementId?: string;

  @ApiPropertyOptional()
  @OptionalRef()
  subscriptionId?: string;

  @ApiPropertyOptional({
    description:
      'BCP 47 language of the case, default `en`; other languages count their 2/4/8-hour target in business hours (domain.md §5)',
    example: 'de',
  })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  language?: string;
}

/** The answer of an opened case: its id and when the first response is due. */
export class CaseOpenedAnswer {
  @ApiProperty()
  caseId!: string;

  @ApiProperty({ example: '2026-03-02T12:00:00.000Z' })
  initialResponseDueAt!: string;

  @ApiProperty({ description: 'Global position of the last event appended (for minPosition)' })
  position!: string;
}

/** POST /v1/cases/{caseId}/shares. */
export class ShareCaseDto {
  @Text(200)
  userId!: string;
}

/** POST /v1/cases/{caseId}/group-access. */
export class GroupAccessDto {
  @Text(100)
  groupId!: string;
}

/** POST /v1/cases/{caseId}/responses (and the CaseFirstResponded message). */
export class FirstResponseDto {
  @ApiProperty({ example: '2026-03-02T11:00:00Z' })
  @IsInstant()
  respondedAt!: string;
}

/** POST /v1/cases/{caseId}/close. */
export class CloseCaseDto {
  @Text(20000, { example: 'Restarted the host; root cause in the ticket' })
  resolution!: string;
}

/** POST /v1/cases/{caseId}/severity. */
export class ChangeSeverityDto {
  @ApiProperty({ enum: SEVERITIES })
  @IsIn(SEVERITIES)
  severity!: Severity;
}
