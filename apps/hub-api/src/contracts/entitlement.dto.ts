import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { EntitlementCategory, EntitlementKind } from '@hub/domain/contracts/entitlement';
import { IsIdentifier, IsQuantity, OptionalText, Text } from './fields';

const CATEGORIES: EntitlementCategory[] = [
  'reactive',
  'advisory',
  'proactive',
  'education',
  'assessment',
  'contacts',
];

/** One entitlement line of a contract or an add-on package. */
export class EntitlementDto {
  @ApiPropertyOptional({ description: 'Derived from the owner and position when absent' })
  @IsOptional()
  @IsIdentifier()
  entitlementId?: string;

  @ApiProperty({ enum: CATEGORIES })
  @IsIn(CATEGORIES)
  category!: EntitlementCategory;

  @Text(200, { example: 'Designated Support Engineering' })
  service!: string;

  @OptionalText(2000)
  description?: string;

  @Text(50, { example: 'hours' })
  unit!: string;

  @ApiProperty({ example: 40, description: 'Positive, with at most six decimal places' })
  @IsQuantity()
  quantity!: number;

  @ApiProperty({ enum: ['consumable', 'benefit'] })
  @IsIn(['consumable', 'benefit'])
  kind!: EntitlementKind;
}
