import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Text } from '../contracts/fields';
import { NamedPersonDto } from '../workspaces/create-workspace.dto';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The customer organisation that signs the agreement. */
export class CustomerDto {
  @Text(100, { example: 'org-contoso' })
  orgId!: string;

  @Text(200, { example: 'Contoso Ltd' })
  name!: string;
}

/** POST /v1/agreements: a CSAM or AC activates a support agreement. */
export class ActivateAgreementDto {
  @ApiPropertyOptional({ description: 'Chosen by the caller; generated when absent' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, {
    message: 'agreementId must be 1-100 letters, digits, dot, dash or underscore',
  })
  agreementId?: string;

  @ApiProperty({ type: CustomerDto })
  @IsDefined()
  @ValidateNested()
  @IsObject()
  @Type(() => CustomerDto)
  customer!: CustomerDto;

  @ApiProperty({ enum: ['premier', 'unified'] })
  @IsIn(['premier', 'unified'])
  type!: 'premier' | 'unified';

  @ApiProperty({ example: '2026-01-01' })
  @Matches(DAY, { message: 'startsOn must be a date YYYY-MM-DD' })
  startsOn!: string;

  @ApiProperty({ example: '2027-12-31' })
  @Matches(DAY, { message: 'endsOn must be a date YYYY-MM-DD' })
  endsOn!: string;

  @ApiProperty({ type: NamedPersonDto })
  @IsDefined()
  @ValidateNested()
  @IsObject()
  @Type(() => NamedPersonDto)
  serviceAdministrator!: NamedPersonDto;

  @ApiProperty({ type: [NamedPersonDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => NamedPersonDto)
  namedContacts!: NamedPersonDto[];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  allowPersonalAccounts?: boolean;
}

export class AgreementActivatedAnswer {
  @ApiProperty()
  agreementId!: string;

  @ApiProperty()
  defaultWorkspaceId!: string;

  @ApiProperty()
  position!: string;
}

/** PUT /v1/agreements/{agreementId}/account-policy. */
export class AccountPolicyDto {
  @ApiProperty()
  @IsBoolean()
  allowPersonalAccounts!: boolean;
}

export class PositionAnswer {
  @ApiProperty()
  position!: string;
}

/** PUT /v1/agreements/{agreementId}/calendar: the agreement's business calendar. */
export class BusinessCalendarDto {
  // The zones this runtime knows, listed: every one is accepted (others the runtime knows are too).
  @Text(64, { description: 'IANA time zone name', example: 'America/Los_Angeles' })
  @ApiProperty({ enum: Intl.supportedValuesOf('timeZone') })
  timeZone!: string;

  @ApiProperty({
    type: [String],
    description: 'Local holidays, YYYY-MM-DD',
    example: ['2026-12-25'],
  })
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(DAY, { each: true, message: 'each holiday must be YYYY-MM-DD' })
  holidays!: string[];
}

/** POST /v1/agreements/{agreementId}/customer-administrators. */
export class CustomerAdministratorDto {
  @Text(200, { description: 'The user id to appoint' })
  userId!: string;
}
