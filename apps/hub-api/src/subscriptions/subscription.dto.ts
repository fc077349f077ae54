import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsUrl,
  Matches,
  ValidateNested,
} from 'class-validator';
import { OptionalText } from '../contracts/fields';
import { Billing, PRODUCTS, Product } from '@hub/domain/subscriptions';
import { ID_MESSAGE, ID_PATTERN } from '../partners/partner.dto';

/** The publisher's support entry points for a marketplace product. */
export class IsvContactDto {
  @ApiPropertyOptional({ example: 'https://support.isv.example' })
  @IsOptional()
  @IsUrl()
  url?: string;

  @ApiPropertyOptional({ example: 'support@isv.example' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @OptionalText(50, { example: '+1 555 0100' })
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
