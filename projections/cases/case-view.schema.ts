import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The partner contact a partner-filed case carries (domain.md §6). */
class PartnerContactSchema {
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() phone!: string;
}

class OnBehalfOfSchema {
  @ApiProperty() partnerId!: string;
  @ApiPropertyOptional({
    nullable: true,
    description: "the customer filed for; null for a case about the partner's own subscription",
  })
  customerOrgId!: string | null;
  @ApiProperty({ type: PartnerContactSchema }) partnerContact!: PartnerContactSchema;
}

/** A case as GET /v1/cases, /v1/cases/{id} and /v1/partners/{id}/cases answer it (OpenAPI). */
export class CaseViewSchema {
  @ApiProperty() caseId!: string;
  @ApiPropertyOptional({
    nullable: true,
    description: "null for a partner's case about its own subscription (its own record)",
  })
  workspaceId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['A', 'B', 'C'] }) severity!: string;
  @ApiProperty({ enum: ['problem-resolution', 'advisory'] }) type!: string;
  @ApiPropertyOptional({ nullable: true, enum: ['SU', 'DSA', 'X85', 'REC'] })
  category!: string | null;
  @ApiProperty() product!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty() primaryContactUserId!: string;
  @ApiPropertyOptional({ nullable: true }) contractId!: string | null;
  @ApiPropertyOptional({ nullable: true }) packageId!: string | null;
  @ApiPropertyOptional({ nullable: true }) entitlementId!: string | null;
  @ApiPropertyOptional({ nullable: true }) subscriptionId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: OnBehalfOfSchema })
  onBehalfOf!: OnBehalfOfSchema | null;
  @ApiPropertyOptional({ nullable: true }) supportPlan!: string | null;
  @ApiProperty({ type: [String] }) sharedWith!: string[];
  @ApiProperty({ type: [String] }) groupIds!: string[];
  @ApiProperty() openedBy!: string;
  @ApiProperty() openedAt!: string;
  @ApiPropertyOptional({ nullable: true }) closedAt!: string | null;
  @ApiProperty() initialResponseDueAt!: string;
  @ApiPropertyOptional({ nullable: true }) respondedAt!: string | null;
  @ApiPropertyOptional({ nullable: true }) responseTargetMet!: boolean | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Seconds until the target; negative once passed; null once responded or closed',
  })
  timeLeftBeforeBreachSeconds!: number | null;
  @ApiProperty({ description: 'Same as everBreached' }) breached!: boolean;
  @ApiProperty({
    description: 'A breach is a fact: kept through later severity changes (domain.md §5)',
  })
  everBreached!: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'When the missed target passed' })
  breachedAt!: string | null;
  @ApiProperty({ description: 'BCP 47, default en' }) language!: string;
}

export class CaseListSchema {
  @ApiProperty({ type: [CaseViewSchema] }) cases!: CaseViewSchema[];
  @ApiPropertyOptional({ nullable: true }) nextCursor!: string | null;
}
