import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsNotEmpty,
  IsObject,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

/** A person named by e-mail (they have no user id until they accept an invitation). */
export class NamedPersonDto {
  @ApiProperty({ example: 'ada@contoso.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}

/** POST /v1/workspaces: an additional workspace with its first Workspace Administrator. */
export class CreateWorkspaceDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  agreementId!: string;

  @ApiProperty({ example: 'EMEA operations' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'Cases and consumption of the EMEA operations team' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
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
