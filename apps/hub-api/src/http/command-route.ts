import {
  Controller,
  ExecutionContext,
  HttpCode,
  Injectable,
  Type,
  UseInterceptors,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthenticatedUser, callerOf } from '@hub/access';
import { Caller, DomainEvent } from '@hub/domain';
import { CommandContext } from '@hub/application/execution/command-context';
import { CommandEntry, runCommand } from '@hub/application/execution/command';
import { CommandMetricsInterceptor } from '@hub/runtime/observability/http-metrics';
import { commandContextOf } from './command-context';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { OutOfScopeInterceptor } from './out-of-scope.interceptor';

/** Who issues a command over HTTP: the token's user and the command's context. */
export interface Issuer {
  user: AuthenticatedUser;
  context: CommandContext;
}

/** The route parameter that carries the `Issuer` (one context per request, shared with the idempotency interceptor). */
export const By = createParamDecorator((_: unknown, execution: ExecutionContext): Issuer => {
  const request = execution.switchToHttp().getRequest<
    Parameters<typeof commandContextOf>[0] & {
      user: AuthenticatedUser;
      commandContext?: CommandContext;
    }
  >();
  request.commandContext ??= commandContextOf(request);
  return { user: request.user, context: request.commandContext };
});

/**
 * What every writing route runs through, in this order: `Idempotency-Key` (a replay answers
 * before anything else), the command's latency and outcome, and a 403 outside the caller's
 * scope answered as 404. Bound to the writing routes only, not globally: Nest wraps each
 * interceptor of a route in an RxJS `defer` and a bound `AsyncResource`, which every query paid
 * for interceptors that let GET through untouched (about a tenth of a query's CPU).
 */
export function CommandInterceptors(): ClassDecorator & MethodDecorator {
  return UseInterceptors(IdempotencyInterceptor, CommandMetricsInterceptor, OutOfScopeInterceptor);
}

/** A controller of commands (api.md "Commands"): bearer token, optional Idempotency-Key. */
export function CommandsController(path: string, tag: string): ClassDecorator {
  return applyDecorators(
    ApiTags(tag),
    ApiBearerAuth(),
    ApiHeader({ name: 'Idempotency-Key', required: false }),
    CommandInterceptors(),
    Controller(path),
  );
}

/**
 * A command route's documentation: its summary and its answer, 201 Created when the command
 * creates something, 200 when it changes or ends what exists.
 */
export function Answers(status: 200 | 201, answer: Type<unknown>, summary: string) {
  return status === 201
    ? applyDecorators(ApiOperation({ summary }), ApiCreatedResponse({ type: answer }))
    : applyDecorators(HttpCode(200), ApiOperation({ summary }), ApiOkResponse({ type: answer }));
}

/** What command controllers share: running a table entry for the issuer of a request. */
@Injectable()
export abstract class CommandRoutes {
  constructor(protected readonly commands: CommandBus) {}

  /** Runs `entry` on `request` for the issuer, as a person of the caller's organisation. */
  protected run<R, C, E extends DomainEvent, S, X, A>(
    entry: CommandEntry<R, C, E, S, X, A, Caller>,
    request: R,
    by: Issuer,
  ): Promise<A> {
    return this.runAs(entry, request, callerOf(by.user), by);
  }

  /** Runs `entry` with a caller of another shape (a partner's caller, for example). */
  protected runAs<R, C, E extends DomainEvent, S, X, A, Who>(
    entry: CommandEntry<R, C, E, S, X, A, Who>,
    request: R,
    caller: Who,
    by: Issuer,
  ): Promise<A> {
    return this.commands.execute(runCommand(entry, request, caller, by.context));
  }
}
