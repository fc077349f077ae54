import {
  CallHandler,
  Controller,
  ExecutionContext,
  HttpCode,
  Injectable,
  NestInterceptor,
  Type,
  UseInterceptors,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Observable, defer } from 'rxjs';
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
 * scope answered as 404. One Nest interceptor that nests the three itself: Nest wraps each
 * interceptor of a route in an RxJS `defer`, a `mergeAll` and a bound `AsyncResource` (whose
 * binding alone costs some 10 µs), so three cost a command three of those, one costs it one.
 * Bound to the writing routes only, not globally, so queries pay for none.
 */
@Injectable()
export class CommandInterceptor implements NestInterceptor {
  private readonly layers: readonly NestInterceptor[];

  constructor(
    idempotency: IdempotencyInterceptor,
    metrics: CommandMetricsInterceptor,
    outOfScope: OutOfScopeInterceptor,
  ) {
    this.layers = [idempotency, metrics, outOfScope];
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const handle = (i: number): Observable<unknown> =>
      i === this.layers.length
        ? next.handle()
        : (this.layers[i].intercept(context, {
            handle: () => defer(() => handle(i + 1)),
          }) as Observable<unknown>);
    return handle(0);
  }
}

/** The pieces `CommandInterceptor` is made of, for the module that binds it. */
export const COMMAND_INTERCEPTOR_PROVIDERS = [
  IdempotencyInterceptor,
  CommandMetricsInterceptor,
  OutOfScopeInterceptor,
];

/** Binds `CommandInterceptor` to a controller or a route. */
export function CommandInterceptors(): ClassDecorator & MethodDecorator {
  return UseInterceptors(CommandInterceptor);
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
