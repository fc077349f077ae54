import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IdField, InstantField, TextField } from './validators';

// Payloads of the directory topic (api.md "Inbound messages"): facts the directory owns and the
// help desk reads (domain.md §7). Upserts carry the whole record, so lists are complete sets.

const MAX_ITEMS = 1000;

/** An e-mail domain of an organisation and whether its ownership was proven. */
export class OrganizationDomainDto {
  @TextField(253)
  name!: string;

  @ApiProperty({ enum: ['claimed', 'verified'] })
  @IsIn(['claimed', 'verified'])
  status!: 'claimed' | 'verified';
}

/** An administrator of the organisation in the directory. */
export class OrganizationAdministratorDto {
  @IdField()
  userId!: string;

  @ApiProperty({ type: String, format: 'email' })
  @IsEmail()
  email!: string;
}

/** Licences bought, by SKU. */
export class LicenceCountDto {
  @TextField(200)
  sku!: string;

  @ApiProperty({ type: Number, minimum: 0 })
  @IsInt()
  @Min(0)
  quantity!: number;
}

/** A device registered to a user. */
export class DeviceDto {
  @IdField()
  deviceId!: string;

  @TextField(200)
  model!: string;
}

/** Decorators for a list of plain strings (sites, order numbers, ids, features, SKUs). */
function StringList(): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: [String], maxItems: MAX_ITEMS })(target, key);
    IsArray()(target, key);
    ArrayMaxSize(MAX_ITEMS)(target, key);
    IsString({ each: true })(target, key);
    MaxLength(500, { each: true })(target, key);
  };
}

/** Decorators for a list of nested records of one class. */
function RecordList(type: () => new () => object): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ type: [type()], maxItems: MAX_ITEMS })(target, key);
    IsArray()(target, key);
    ArrayMaxSize(MAX_ITEMS)(target, key);
    ValidateNested({ each: true })(target, key);
    Type(type)(target, key);
  };
}

/** The directory's current record of an organisation (customer or partner). */
export class OrganizationUpsertedPayload {
  @IdField()
  orgId!: string;

  @TextField(500)
  name!: string;

  @InstantField()
  createdAt!: string;

  @RecordList(() => OrganizationDomainDto)
  domains!: OrganizationDomainDto[];

  @StringList()
  sites!: string[];

  @StringList()
  orderNumbers!: string[];

  @StringList()
  managedByPartnerIds!: string[];

  @RecordList(() => OrganizationAdministratorDto)
  administrators!: OrganizationAdministratorDto[];

  @RecordList(() => LicenceCountDto)
  licences!: LicenceCountDto[];
}

/** The directory's current record of a user. */
export class UserUpsertedPayload {
  @IdField()
  userId!: string;

  @IdField()
  orgId!: string;

  @ApiProperty({ type: String, format: 'email' })
  @IsEmail()
  email!: string;

  @TextField(200)
  firstName!: string;

  @TextField(200)
  lastName!: string;

  @TextField(400)
  displayName!: string;

  @TextField(50, { example: 'active' })
  status!: string;

  @StringList()
  licences!: string[];

  @RecordList(() => DeviceDto)
  devices!: DeviceDto[];

  @StringList()
  features!: string[];
}

export const EMAIL_STATUSES = ['delivered', 'deferred', 'bounced', 'suppressed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** The mail service's report on one message sent to a user. */
export class EmailStatusReportedPayload {
  @IdField()
  userId!: string;

  @ApiProperty({ type: String, format: 'email' })
  @IsEmail()
  email!: string;

  @TextField(100, { example: 'invitation' })
  messageKind!: string;

  @ApiProperty({ enum: EMAIL_STATUSES })
  @IsIn(EMAIL_STATUSES)
  status!: EmailStatus;

  @InstantField()
  at!: string;
}

/** The mail service put an address on the do-not-contact list. */
export class EmailSuppressedPayload {
  @ApiProperty({ type: String, format: 'email' })
  @IsEmail()
  email!: string;

  @TextField(1000)
  reason!: string;
}
