import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CursorParam, IntegerParam, ReadQueryDto } from '@hub/projection/query/query-params';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from './helpdesk.search';
import { DEFAULT_USERS_PAGE, MAX_USERS_PAGE } from './helpdesk.views';

/** GET /v1/helpdesk/search. */
export class SearchQueryDto extends ReadQueryDto {
  // Compared after folding case, accents and blanks: two letters or digits survive any folding.
  @ApiProperty({
    type: String,
    minLength: 2,
    maxLength: 200,
    pattern: '[0-9A-Za-z].*[0-9A-Za-z]',
    description: 'a prefix or a whole name, id, domain, e-mail, site or order number',
  })
  @IsString()
  @Length(2, 200)
  q!: string;

  @IntegerParam(1, MAX_SEARCH_LIMIT, 'results per kind', DEFAULT_SEARCH_LIMIT)
  limit?: string;
}

/** GET /v1/helpdesk/orgs/{orgId}. */
export class OrgQueryDto extends ReadQueryDto {
  @IntegerParam(1, MAX_USERS_PAGE, 'users per page', DEFAULT_USERS_PAGE)
  usersLimit?: string;

  @CursorParam()
  usersCursor?: string;
}
