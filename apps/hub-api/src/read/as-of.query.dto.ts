import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { EnumParam, TextParam } from '@hub/projection/query/query-params';
import { CaseListQueryDto, ExtraCasesQueryDto } from '@hub/projections/cases/cases.query.dto';
import {
  AddonPackagesQueryDto,
  SelectionQueryDto,
} from '@hub/projections/customer-activity/customer-activity.query.dto';
import { OrgQueryDto, SearchQueryDto } from '@hub/projections/helpdesk/helpdesk.query.dto';

// A position, or an ISO instant to the second or millisecond; every value it matches is one.
const AS_OF =
  '^(\\d{1,20}|\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,3})?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d))$';

/** `asOf`: the past moment the answer is folded to, a position or an ISO instant. */
function AsOfParam(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      pattern: AS_OF,
      description: 'a position, or an ISO instant (…Z or an offset)',
    }),
    Matches(new RegExp(AS_OF), { message: '$property must be a position or an ISO instant (…Z)' }),
  );
}

export class AccessAsOfDto {
  @AsOfParam() asOf!: string;
  @TextParam('the user whose workspaces and roles to show', { required: true }) userId!: string;
}

export class CustomerActivityAsOfDto extends SelectionQueryDto {
  @AsOfParam() asOf!: string;
}

export class AddonBalancesAsOfDto extends AddonPackagesQueryDto {
  @AsOfParam() asOf!: string;
}

export class CasesAsOfDto extends CaseListQueryDto {
  @AsOfParam() asOf!: string;
  @TextParam('one case instead of the list') caseId?: string;
}

export class ExtraCasesAsOfDto extends ExtraCasesQueryDto {
  @AsOfParam() asOf!: string;
}

export class HelpDeskSearchAsOfDto extends SearchQueryDto {
  @AsOfParam() asOf!: string;
  @TextParam('the partner whose Help Desk view to show', { required: true }) partnerId!: string;
}

export class HelpDeskOrgAsOfDto extends OrgQueryDto {
  @AsOfParam() asOf!: string;
  @TextParam('the partner whose Help Desk view to show', { required: true }) partnerId!: string;
}

export class HelpDeskUserAsOfDto {
  @AsOfParam() asOf!: string;
  @TextParam('the partner whose Help Desk view to show', { required: true }) partnerId!: string;
}

export class PartnerRelationsAsOfDto {
  @AsOfParam() asOf!: string;
  @EnumParam(
    ['gdap-relationships', 'service-health', 'readonly-sessions'],
    'the live route answered (default gdap-relationships)',
  )
  route?: string;
  @TextParam('gdap-relationships: the partner side') partnerId?: string;
  @TextParam('gdap-relationships: the customer side') customerOrgId?: string;
  @TextParam('service-health and readonly-sessions: the organisation') orgId?: string;
}
