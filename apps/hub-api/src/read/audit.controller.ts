import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequireTokenRole } from '@hub/access';
import { NotFoundError } from '@hub/domain';
import { EVENT_STORE, EventStore, RecordedEvent, parsePosition } from '@hub/event-store';
import { LogQueryDto, MAX_AUDIT_PAGE, StreamQueryDto } from './audit.query.dto';
import { customerAuditOrg, orgLogPage, requireOrgStream } from './customer-audit';

/** An event as auditors read it: every field, positions as strings. */
function auditView(event: RecordedEvent) {
  return {
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    streamName: event.streamName,
    revision: event.revision,
    position: event.position.toString(),
    recordedAt: event.recordedAt,
  };
}

/** A validated page size, or the route's default. */
const limitOf = (raw: string | undefined, fallback: number) =>
  raw === undefined ? fallback : Number(raw);

/** A validated position, or none. */
const positionOf = (raw: string | undefined) =>
  raw === undefined ? undefined : (parsePosition(raw) ?? undefined);

/** Every fact in order with who caused it and why, and any read model as it stood then (Auditor). */
@ApiTags('audit')
@ApiBearerAuth()
@RequireTokenRole('Auditor')
@Controller('audit')
export class AuditController {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  @Get('streams/:stream')
  @ApiOperation({ summary: "A stream's events with metadata, in order" })
  async stream(
    @Param('stream') stream: string,
    @CurrentUser() user: AuthenticatedUser,
    @Query() { fromRevision, limit }: StreamQueryDto,
  ) {
    const from = fromRevision === undefined ? 0 : Number(fromRevision);
    const org = customerAuditOrg(user);
    if (org) await requireOrgStream(this.events, org, stream);
    const events = await this.events.readStream(stream, {
      fromRevision: from,
      maxCount: limitOf(limit, MAX_AUDIT_PAGE),
    });
    if (events.length === 0 && from === 0) throw new NotFoundError(`Stream ${stream} not found`);
    return { stream, events: events.map(auditView) };
  }

  @Get('events')
  @ApiOperation({
    summary: 'The global log, paged (fromPosition inclusive; next page from nextPosition)',
  })
  async log(
    @CurrentUser() user: AuthenticatedUser,
    @Query() { fromPosition, limit, type }: LogQueryDto,
  ) {
    const max = limitOf(limit, 100);
    const org = customerAuditOrg(user);
    if (org) {
      const { page, next } = await orgLogPage(this.events, org, {
        from: positionOf(fromPosition),
        max,
        types: type ? type.split(',').map((t) => t.trim()) : undefined,
      });
      return { events: page.map(auditView), nextPosition: next?.position.toString() ?? null };
    }
    const events = await this.events.readAll({
      fromPosition: positionOf(fromPosition),
      maxCount: max + 1,
      filter: type ? { eventTypes: type.split(',').map((t) => t.trim()) } : undefined,
    });
    const page = events.slice(0, max);
    return {
      events: page.map(auditView),
      nextPosition: events.length > max ? events[max].position.toString() : null,
    };
  }
}
