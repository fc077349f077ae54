import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { EntitlementCategory, EntitlementKind } from '@hub/domain/contracts/entitlement';
import { IsIdentifier, IsQuantity } from './fields';

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

  @ApiProperty({ example: 'Designated Support Engineering' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  service!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ example: 'hours' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  unit!: string;

  @ApiProperty({ example: 40, description: 'Positive, at most two decimals' })
  @IsQuantity()
  quantity!: number;

  @ApiProperty({ enum: ['consumable', 'benefit'] })
  @IsIn(['consumable', 'benefit'])
  kind!: EntitlementKind;
}
