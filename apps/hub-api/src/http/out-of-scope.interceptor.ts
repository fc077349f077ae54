import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, catchError, from, switchMap, throwError } from 'rxjs';
import { AuthenticatedUser } from '@hub/access';
import { HubError, NotFoundError } from '@hub/domain';
import { EVENT_STORE, EventStore } from '@hub/event-store';
import { findCase } from '@hub/projections/cases/cases.queries';
import { CallerScopes, selectWorkspaces } from '@hub/projections/access/caller-scope';
import { ReadModels } from '@hub/projection/query/read-models';

type Params = Record<string, string | undefined>;

/**
 * A write refused with 403 on something outside the caller's scope answers 404, exactly as an
 * id that does not exist and as the same caller's read would (api.md "Errors"): a 403
 * `case_owner_required` on another tenant's case said the case exists. Decided only on a
 * refusal, from the route's ids and the read side's scope of the caller:
 * - `caseId`: the case the caller may read (GET /v1/cases/{caseId});
 * - `workspaceId`: a workspace in the caller's scope; `agreementId`: one of its workspaces' agreement;
 * - `orgId` of /v1/customers/{orgId}: the caller's own organisation; `partnerId`: the caller's own partner.
 * Within scope, the 403 stands (a member who is not the case's primary contact).
 */
@Injectable()
export class OutOfScopeInterceptor implements NestInterceptor {
  constructor(
    private readonly scopes: CallerScopes,
    private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{
      method: string;
      url: string;
      params?: Params;
      user?: AuthenticatedUser;
    }>();
    if (request.method === 'GET' || !request.user) return next.handle();
    const user = request.user;
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof HubError) || error.status !== 403) return throwError(() => error);
        return from(this.outOfScope(user, request.url, request.params ?? {})).pipe(
          switchMap((hidden) => throwError(() => (hidden ? new NotFoundError(hidden) : error))),
        );
      }),
    );
  }

  /** The "not found" message when the route's target lies outside the caller's scope. */
  private async outOfScope(
    user: AuthenticatedUser,
    url: string,
    params: Params,
  ): Promise<string | undefined> {
    const { caseId, workspaceId, agreementId, orgId, partnerId } = params;
    // A customer's own routes; a Help Desk agent's /helpdesk/orgs/{orgId} is the partner's.
    const customerRoute = url.startsWith('/v1/customers/');
    if (customerRoute && orgId && user.orgKind !== 'provider' && user.orgId !== orgId)
      return `Organisation ${orgId} not found`;
    if (partnerId && user.orgKind !== 'provider' && user.orgId !== partnerId)
      return `Partner ${partnerId} not found`;
    if (!caseId && !workspaceId && !agreementId) return undefined;
    // Scope as of everything appended so far: a member who joined a moment ago is in scope
    // (a lagging projection answers 503, never a wrong 404).
    const head = (await this.events.headPosition())?.toString();
    const scope = await this.scopes.of(user, head);
    if (caseId) {
      const view = await this.readModels.view('cases', head);
      const visible = await findCase(view, scope, caseId, new Date()).then(
        () => true,
        () => false,
      );
      if (!visible) return `Case ${caseId} not found`;
    }
    if (workspaceId) {
      try {
        selectWorkspaces(scope, workspaceId);
      } catch {
        return `Workspace ${workspaceId} not found`;
      }
    }
    if (
      agreementId &&
      !scope.all &&
      ![...scope.workspaces.values()].some((w) => w.agreementId === agreementId)
    )
      return `Agreement ${agreementId} not found`;
    return undefined;
  }
}
