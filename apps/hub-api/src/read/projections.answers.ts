import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const STATES = ['catching-up', 'live', 'halted', 'rebuilding', 'stopped'];

/** The event a build could not apply (or the store action that kept failing). */
class ProjectionFailureAnswer {
  @ApiProperty({ description: 'position of the failing event (decimal)' }) position!: string;
  @ApiProperty({ description: 'its type (empty: a store action failed)' }) type!: string;
  @ApiProperty() streamName!: string;
  @ApiProperty() message!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty() at!: string;
}

class RebuildAnswer {
  @ApiProperty() version!: number;
  @ApiProperty() generation!: number;
  @ApiProperty({ enum: STATES }) state!: string;
  @ApiProperty({ type: String, nullable: true }) checkpoint!: string | null;
  @ApiPropertyOptional({ type: ProjectionFailureAnswer }) error?: ProjectionFailureAnswer;
  @ApiPropertyOptional({ description: 'share of the log the rebuild has evolved, 0-100' })
  percent?: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'estimate of the seconds left (null until a rate is known)',
  })
  etaSeconds?: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) eventsPerSecond?: number | null;
}

class LeaseHolderAnswer {
  @ApiProperty({ description: 'the process holding the lease (host:pid:random)' })
  holder!: string;
  @ApiProperty() token!: number;
  @ApiProperty() expiresAt!: string;
}

/** One projection as GET /v1/projections lists it (and a rebuild request answers). */
export class ProjectionStatusAnswer {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'version of the build queries read' }) version!: number;
  @ApiProperty() generation!: number;
  @ApiProperty({ enum: STATES }) state!: string;
  @ApiProperty({ type: String, nullable: true }) checkpoint!: string | null;
  @ApiProperty({ type: String, nullable: true }) head!: string | null;
  @ApiProperty({ description: 'events between the checkpoint and the head' }) lag!: number;
  @ApiPropertyOptional({ type: ProjectionFailureAnswer }) error?: ProjectionFailureAnswer;
  @ApiPropertyOptional({ type: RebuildAnswer }) rebuild?: RebuildAnswer;
  @ApiPropertyOptional({
    description: 'a rebuild requested and not yet taken up by the process running the projection',
  })
  rebuildRequestedAt?: string;
  @ApiPropertyOptional({ type: LeaseHolderAnswer }) runBy?: LeaseHolderAnswer;
}

export class ProjectionsAnswer {
  @ApiProperty({ type: [ProjectionStatusAnswer] }) projections!: ProjectionStatusAnswer[];
}
