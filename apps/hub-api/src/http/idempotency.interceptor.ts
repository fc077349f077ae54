import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { from, Observable, of, switchMap } from 'rxjs';
import { ValidationError } from '@hub/domain';
import { IdempotencyService, requestHash } from '@hub/application/execution/idempotency';
import { CommandContext } from '@hub/application/execution/command-context';
import { commandContextOf, idempotencyScope } from './command-context';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Applies `Idempotency-Key` to every mutating route: replays the recorded answer for a repeated
 * key and body, refuses a reused key with another body, records a new successful answer.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest();
    const key: string | undefined = request.headers['idempotency-key'];
    if (request.method === 'GET' || key === undefined) return next.handle();
    if (!KEY_PATTERN.test(key)) {
      throw new ValidationError('The Idempotency-Key header is not valid', {
        'Idempotency-Key': ['must be 1 to 200 visible ASCII characters'],
      });
    }
    const reply = http.getResponse();
    const scope = idempotencyScope(request);
    const hash = requestHash({ params: request.params, query: request.query, body: request.body });
    request.commandContext ??= commandContextOf(request);
    const commandContext: CommandContext = request.commandContext;
    return from(this.idempotency.previousAnswer(scope, key, hash)).pipe(
      switchMap((previous) => {
        if (previous) {
          reply.status(previous.statusCode);
          reply.header('idempotent-replayed', 'true');
          return of(previous.body);
        }
        return next.handle().pipe(
          switchMap((body) => {
            const statusCode: number =
              Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ??
              (request.method === 'POST' ? 201 : 200);
            return from(
              this.idempotency.record(scope, key, hash, { statusCode, body }, commandContext),
            ).pipe(switchMap(() => of(body)));
          }),
        );
      }),
    );
  }
}
