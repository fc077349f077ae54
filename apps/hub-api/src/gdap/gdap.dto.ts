import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsInt,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { GDAP_MAX_DURATION_DAYS, GDAP_ROLES, GdapRole } from '@hub/domain/gdap';
import { ID_MESSAGE, ID_PATTERN } from '../partners/partner.dto';

/** POST /v1/gdap-relationships: a PartnerAdmin asks a customer for delegated roles. */
export class RequestGdapRelationshipDto {
  @ApiProperty({ example: 'p-fabrikam' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  partnerId!: string;

  @ApiProperty({ example: 'org-contoso' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  customerOrgId!: string;

  @ApiProperty({ enum: GDAP_ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(GDAP_ROLES.length)
  @IsIn(GDAP_ROLES, { each: true })
  roles!: GdapRole[];

  @ApiProperty({ minimum: 1, maximum: GDAP_MAX_DURATION_DAYS, example: 30 })
  @IsInt()
  @Min(1)
  @Max(GDAP_MAX_DURATION_DAYS)
  durationDays!: number;

  @ApiPropertyOptional({
    description: 'Extend by 180 days at the end unless terminated (default false)',
  })
  @IsOptional()
  @IsBoolean()
  autoExtend?: boolean;
}

export class GdapRequestedAnswer {
  @ApiProperty()
  relationshipId!: string;

  @ApiProperty()
  position!: string;
}
