import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsEmail, IsObject, MaxLength, ValidateNested } from 'class-validator';
import { Text } from '../contracts/fields';

/** A person named by e-mail (they have no user id until they accept an invitation). */
export class NamedPersonDto {
  @ApiProperty({ example: 'ada@contoso.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @Text(200, { example: 'Ada Lovelace' })
  name!: string;
}

/** POST /v1/workspaces: an additional workspace with its first Workspace Administrator. */
export class CreateWorkspaceDto {
  @Text(100)
  agreementId!: string;

  @Text(200, { example: 'EMEA operations' })
  name!: string;

  @Text(2000, { example: 'Cases and consumption of the EMEA operations team' })
  purpose!: string;

  @ApiProperty({ type: NamedPersonDto })
  @IsDefined()
  @ValidateNested()
  @IsObject()
  @Type(() => NamedPersonDto)
  administrator!: NamedPersonDto;
}

/** The answer of a command that created a workspace. */
export class WorkspaceCreatedAnswer {
  @ApiProperty()
  workspaceId!: string;

  @ApiProperty({ description: 'Global position of the last event appended (for minPosition)' })
  position!: string;
}
