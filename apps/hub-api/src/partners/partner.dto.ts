import { ApiProperty } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { Text } from '../contracts/fields';
import { PARTNER_KINDS, PartnerKind } from '@hub/domain/partners';

/** Ids the partner routes accept: they become parts of stream names, so a strict alphabet. */
export const ID_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
export const ID_MESSAGE = '$property must be 1-100 letters, digits, dot, dash or underscore';

/** POST /v1/partners: a CSAM or AC registers a CSP partner. */
export class RegisterPartnerDto {
  @ApiProperty({ example: 'p-fabrikam' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  partnerId!: string;

  @Text(200, { example: 'Fabrikam CSP' })
  name!: string;

  @ApiProperty({ enum: PARTNER_KINDS })
  @IsIn(PARTNER_KINDS)
  kind!: PartnerKind;
}

export class PartnerRegisteredAnswer {
  @ApiProperty()
  partnerId!: string;

  @ApiProperty()
  position!: string;
}

/** POST /v1/partners/{partnerId}/helpdesk-agents: a PartnerAdmin grants HelpDeskAgent. */
export class GrantHelpDeskAgentDto {
  @Text(200, { example: 'u-agent' })
  userId!: string;
}
