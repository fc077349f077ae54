import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthenticatedUser, CurrentUser } from '@hub/access';
import { RecipientNotifications } from '@hub/application/notifications/recipient-notifications';
import { OutboxQueryDto } from './outbox.controller';
import { NotificationStreams } from './notification-streams';

/** The caller's own notifications (api.md "Outbound notifications"), paged and live. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: RecipientNotifications,
    private readonly streams: NotificationStreams,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The caller's own notifications (addressed to their e-mail or user id), in order",
  })
  async mine(@CurrentUser() user: AuthenticatedUser, @Query() query: OutboxQueryDto) {
    const after = query.after ?? 0;
    const entries = await this.notifications.after(user, after, query.limit ?? 100);
    const cursor = entries.length ? entries[entries.length - 1].sequence : after;
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

  @Get('stream')
  @ApiOperation({
    summary:
      "The caller's notifications live (server-sent events `notification`, with `read-model` when a visible read model moves); resumes after `Last-Event-ID`",
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'A server-sent event stream (`event: notification` / `read-model`, heartbeats)',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  stream(
    @CurrentUser() user: AuthenticatedUser,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Res() reply: FastifyReply,
  ): void {
    reply.hijack();
    this.streams.serve(reply.raw, user, lastEventId);
  }
}
