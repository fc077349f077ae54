import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { RequireTokenRole } from '@hub/access';
import { NotificationOutbox } from '@hub/application/notifications/notification-outbox';

/** GET /v1/notifications/outbox query. */
export class OutboxQueryDto {
  @ApiProperty({
    required: false,
    type: 'integer',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    description: 'The cursor of the previous page',
    default: 0,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;

  @ApiProperty({ required: false, type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

class OutboxNotificationDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['invitation', 'verification-code', 'gdap-approval-request'] })
  kind!: string;
  @ApiProperty() to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: Object }) data!: Record<string, unknown>;
  @ApiProperty() createdAt!: string;
}

export class OutboxPageAnswer {
  @ApiProperty({ type: [OutboxNotificationDto] })
  notifications!: OutboxNotificationDto[];

  @ApiProperty({ description: 'Pass as `after` for the next page' })
  cursor!: string;
}

/** The outbound notifications for the mail service (api.md "Outbound notifications"). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class OutboxController {
  constructor(private readonly outbox: NotificationOutbox) {}

  @Get('outbox')
  @RequireTokenRole('Service')
  @ApiOperation({ summary: 'Notifications after a cursor, in order (Service)' })
  @ApiOkResponse({ type: OutboxPageAnswer })
  async page(@Query() query: OutboxQueryDto): Promise<OutboxPageAnswer> {
    const { entries, cursor } = await this.outbox.page(query.after ?? 0, query.limit ?? 100);
    return {
      notifications: entries.map(({ id, kind, to, subject, data, createdAt }) => ({
        id,
        kind,
        to,
        subject,
        data,
        createdAt,
      })),
      cursor: String(cursor),
    };
  }
}
