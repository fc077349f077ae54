import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { OptionalText } from '../contracts/fields';
import { Billing, PRODUCTS, Product } from '@hub/domain/subscriptions';
import { ID_MESSAGE, ID_PATTERN } from '../partners/partner.dto';

const URL = /^https?:\/\/\S+$/;

/** The publisher's support entry points for a marketplace product. */
export class IsvContactDto {
  // Any http(s) address: the document states the same pattern, so what it allows is accepted.
  @ApiPropertyOptional({
    example: 'https://support.isv.example',
    pattern: URL.source,
    maxLength: 2000,
  })
  @IsOptional()
  @Matches(URL, { message: 'url must be an http(s) address' })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ example: 'support@isv.example' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @OptionalText(50, { example: '+1 555 0100' })
  @Matches(/\S/, { message: 'phone must not be blank' })
  phone?: string;
}

/** POST /v1/customers/{orgId}/subscriptions: a service records a customer's subscription. */
export class RegisterSubscriptionDto {
  @ApiProperty({ example: 'sub-azure-1' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  subscriptionId!: string;

  @ApiProperty({ enum: PRODUCTS })
  @IsIn(PRODUCTS)
  product!: Product;

  @ApiProperty({ enum: ['trial', 'paid'] })
  @IsIn(['trial', 'paid'])
  billing!: Billing;

  @ApiProperty({ example: 'p-fabrikam' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  providerPartnerId!: string;

  @ApiPropertyOptional({ type: IsvContactDto, description: 'Required for marketplace products' })
  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => IsvContactDto)
  isvContact?: IsvContactDto;
}

/** POST …/subscriptions/{subscriptionId}/partner-access: the customer gives a partner access. */
export class PartnerAccessDto {
  @ApiProperty({ example: 'p-fabrikam' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  partnerId!: string;
}

/** POST /v1/customers/{orgId}/readonly-access: allow or withdraw a partner's read-only view. */
export class ReadOnlyAccessDto {
  @ApiProperty({ example: 'p-fabrikam' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  partnerId!: string;

  @ApiProperty()
  @IsBoolean()
  allow!: boolean;
}
