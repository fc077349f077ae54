import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Validate,
  ValidateIf,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { WORKSPACE_ROLES, WorkspaceRole } from '@hub/domain/workspaces/workspace.events';
import { IsIdentifier, OptionalText, Text } from '../contracts/fields';

@ValidatorConstraint({ name: 'exactlyOneOf' })
class ExactlyOneOfContractOrPackage implements ValidatorConstraintInterface {
  validate(_: unknown, args: ValidationArguments): boolean {
    const dto = args.object as MappingDto;
    return (dto.contractId === undefined) !== (dto.packageId === undefined);
  }

  defaultMessage(): string {
    return 'give exactly one of contractId or packageId';
  }
}

/** POST /v1/workspaces/{workspaceId}/mappings: a contract or an add-on package, exactly one. */
export class MappingDto {
  @ApiPropertyOptional({ description: 'Exactly one of contractId or packageId' })
  @ValidateIf((dto: MappingDto) => dto.packageId === undefined || dto.contractId !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Validate(ExactlyOneOfContractOrPackage)
  contractId?: string;

  @ApiPropertyOptional({ description: 'Exactly one of contractId or packageId' })
  @ValidateIf((dto: MappingDto) => dto.contractId === undefined || dto.packageId !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  @Validate(ExactlyOneOfContractOrPackage)
  packageId?: string;
}

/** POST /v1/workspaces/{workspaceId}/invitations. */
export class InvitationDto {
  @ApiProperty({ example: 'grace@contoso.example' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @OptionalText(200, { example: 'Grace Hopper', description: 'Defaults to the e-mail' }, true)
  name?: string;
}

/** POST /v1/workspaces/{workspaceId}/roles. */
export class GrantRoleDto {
  @Text(200)
  userId!: string;

  @ApiProperty({ enum: WORKSPACE_ROLES })
  @IsIn(WORKSPACE_ROLES as WorkspaceRole[])
  role!: WorkspaceRole;
}

/** POST /v1/workspaces/{workspaceId}/groups. */
export class CreateGroupDto {
  @ApiPropertyOptional({ description: 'Chosen by the caller; generated when absent' })
  @IsOptional()
  @IsIdentifier()
  groupId?: string;

  @Text(200, { example: 'SAP operations' })
  name!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  memberUserIds!: string[];
}

/** The answer of POST …/invitations. */
export class InvitationSentAnswer {
  @ApiProperty()
  invitationId!: string;

  @ApiProperty()
  position!: string;
}

/** The answer of POST …/groups. */
export class GroupCreatedAnswer {
  @ApiProperty()
  groupId!: string;

  @ApiProperty()
  position!: string;
}
