import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { CursorParam, IntegerParam, ReadQueryDto } from '@hub/projection/query/query-params';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from './helpdesk.search';
import { DEFAULT_USERS_PAGE, MAX_USERS_PAGE } from './helpdesk.views';

const SEARCHABLE = /\S.*\S/;

/** GET /v1/helpdesk/search. */
export class SearchQueryDto extends ReadQueryDto {
  // Two characters that are not blanks: what folding case, accents and blanks leaves searchable.
  @ApiProperty({
    type: String,
    minLength: 2,
    maxLength: 200,
    pattern: SEARCHABLE.source,
    description:
      'a prefix or a whole name, id, domain, site or order number; an e-mail address only whole',
  })
  @IsString()
  @Length(2, 200)
  @Matches(SEARCHABLE, { message: '$property must hold at least 2 characters that are not blanks' })
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
