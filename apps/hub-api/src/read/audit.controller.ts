import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, RequireTokenRole } from '@hub/access';
import { CLOCK, Clock, NotFoundError, ValidationError } from '@hub/domain';
import { EVENT_STORE, EventStore, RecordedEvent, parsePosition } from '@hub/event-store';
import { ALL_PROJECTIONS } from '@hub/projections/index';
import { AS_OF_QUERIES } from '@hub/projections/queries';
import { AsOf, asOfView } from '@hub/projection/as-of';
import { READ_MODEL_STORE, ReadModelStore } from '@hub/read-store';
import { scopeFrom } from '@hub/projections/access/caller-scope';
import { customerAuditOrg, orgLogPage, orgScope, requireOrgStream } from './customer-audit';

const MAX_PAGE = 1000;

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

function limitOf(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new ValidationError('limit is not valid', {
      limit: [`must be an integer from 1 to ${MAX_PAGE}`],
    });
  }
  return limit;
}

function positionParam(raw: string | undefined, field: string) {
  if (raw === undefined || raw === '') return undefined;
  const position = parsePosition(raw);
  if (position === null)
    throw new ValidationError(`${field} is not a position`, { [field]: ['must be a position'] });
  return position;
}

function asOfParam(raw: string | undefined): AsOf {
  if (!raw)
    throw new ValidationError('asOf is required', { asOf: ['an ISO instant or a position'] });
  const position = parsePosition(raw);
  if (position !== null) return { position };
  if (
    !/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(raw) ||
    Number.isNaN(Date.parse(raw))
  ) {
    throw new ValidationError('asOf is not valid', { asOf: ['an ISO instant (…Z) or a position'] });
  }
  return { instant: raw };
}

/** An access answer cut to the workspaces in scope (a customer Auditor asking about any user). */
function onlyWorkspacesOf(answer: unknown, workspaces: Map<string, unknown>) {
  const { workspaces: listed = [] } = answer as { workspaces?: { workspaceId: string }[] };
  return { workspaces: listed.filter((w) => workspaces.has(w.workspaceId)) };
}

/** Every fact in order with who caused it and why, and any read model as it stood then (Auditor). */
@ApiTags('audit')
@ApiBearerAuth()
@RequireTokenRole('Auditor')
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  @Get('streams/:stream')
  @ApiOperation({ summary: "A stream's events with metadata, in order" })
  @ApiQuery({ name: 'fromRevision', required: false })
  @ApiQuery({ name: 'limit', required: false })
  async stream(
    @Param('stream') stream: string,
    @CurrentUser() user: AuthenticatedUser,
    @Query('fromRevision') fromRevision?: string,
    @Query('limit') limit?: string,
  ) {
    const from = fromRevision === undefined ? 0 : Number(fromRevision);
    if (!Number.isInteger(from) || from < 0)
      throw new ValidationError('fromRevision is not valid', { fromRevision: ['a revision ≥ 0'] });
    const org = customerAuditOrg(user);
    if (org) await requireOrgStream(this.events, org, stream);
    const events = await this.events.readStream(stream, {
      fromRevision: from,
      maxCount: limitOf(limit, MAX_PAGE),
    });
    if (events.length === 0 && from === 0) throw new NotFoundError(`Stream ${stream} not found`);
    return { stream, events: events.map(auditView) };
  }

  @Get('events')
  @ApiOperation({
    summary: 'The global log, paged (fromPosition inclusive; next page from nextPosition)',
  })
  @ApiQuery({ name: 'fromPosition', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({
    name: 'type',
    required: false,
    description: 'only events of this type (comma-separated for several)',
  })
  async log(
    @CurrentUser() user: AuthenticatedUser,
    @Query('fromPosition') fromPosition?: string,
    @Query('limit') limit?: string,
    @Query('type') type?: string,
  ) {
    const max = limitOf(limit, 100);
    const org = customerAuditOrg(user);
    if (org) {
      const { page, next } = await orgLogPage(this.events, org, {
        from: positionParam(fromPosition, 'fromPosition'),
        max,
        types: type ? type.split(',').map((t) => t.trim()) : undefined,
      });
      return { events: page.map(auditView), nextPosition: next?.position.toString() ?? null };
    }
    const events = await this.events.readAll({
      fromPosition: positionParam(fromPosition, 'fromPosition'),
      maxCount: max + 1,
      filter: type ? { eventTypes: type.split(',').map((t) => t.trim()) } : undefined,
    });
    const page = events.slice(0, max);
    return {
      events: page.map(auditView),
      nextPosition: events.length > max ? events[max].position.toString() : null,
    };
  }

  @Get('projections/:name')
  @ApiOperation({
    summary:
      "A projection's answer as it stood at a past instant or position (same parameters as its live route)",
  })
  @ApiQuery({ name: 'asOf', required: true })
  async projectionAsOf(
    @Param('name') name: string,
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: Record<string, string>,
  ) {
    const projection = ALL_PROJECTIONS.find((p) => p.name === name);
    const answer = AS_OF_QUERIES[name];
    if (!projection || !answer) throw new NotFoundError(`Projection ${name} not found`);
    const org = customerAuditOrg(user);
    // The Help Desk view is the partner's, not the customer organisation's.
    if (org && name === 'helpdesk') throw new NotFoundError(`Projection ${name} not found`);
    const asOf = asOfParam(query.asOf);
    for (let attempt = 1; ; attempt += 1) {
      // From the nearest snapshot of the served build, then the events up to `asOf`.
      const view = await asOfView(this.events, this.readModels, projection, asOf);
      const scope = org
        ? await orgScope(this.events, user, org, view.position ?? undefined)
        : { ...(await scopeFrom(view, user)), all: true };
      const result = await answer(view, scope, query, this.clock.now());
      if (attempt < 3 && !(await view.intact())) continue;
      return {
        projection: name,
        asOf: query.asOf,
        position: view.position?.toString() ?? null,
        answer: org && name === 'access' ? onlyWorkspacesOf(result, scope.workspaces) : result,
      };
    }
  }
}
