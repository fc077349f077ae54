import { CallHandler, ExecutionContext, NestInterceptor, RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Observable, lastValueFrom, map, of } from 'rxjs';
import { CommandMetricsInterceptor } from '@hub/runtime/observability/http-metrics';
import { READ_CONTROLLERS } from '@hub/projections/controllers';
import { COMMAND_CONTROLLERS, OPERATIONS_CONTROLLERS } from '../controllers';
import { CommandInterceptor } from './command-route';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { OutOfScopeInterceptor } from './out-of-scope.interceptor';

const WRITING = new Set([
  RequestMethod.POST,
  RequestMethod.PUT,
  RequestMethod.PATCH,
  RequestMethod.DELETE,
]);
const EXPECTED = [CommandInterceptor];

type Handler = (...args: unknown[]) => unknown;

/** Every route handler of a controller class, with its HTTP method. */
function routesOf(controller: new (...args: never[]) => unknown) {
  const prototype = controller.prototype as Record<string, Handler>;
  return Object.getOwnPropertyNames(prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => ({ name, handler: prototype[name] }))
    .filter(({ handler }) => Reflect.hasMetadata(PATH_METADATA, handler))
    .map(({ name, handler }) => ({
      route: `${controller.name}.${name}`,
      method: Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod,
      interceptors: [
        ...((Reflect.getMetadata(INTERCEPTORS_METADATA, controller) as unknown[]) ?? []),
        ...((Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as unknown[]) ?? []),
      ],
    }));
}

describe('the command interceptors, bound per route', () => {
  const routes = [...COMMAND_CONTROLLERS, ...OPERATIONS_CONTROLLERS, ...READ_CONTROLLERS].flatMap(
    routesOf,
  );

  it('run on every writing route, as one interceptor', () => {
    const writing = routes.filter((route) => WRITING.has(route.method));
    expect(writing.length).toBeGreaterThan(40);
    for (const { route, interceptors } of writing) {
      expect({ route, interceptors }).toEqual({ route, interceptors: EXPECTED });
    }
  });

  it('leave the projections’ query routes outside any interceptor', () => {
    const queries = READ_CONTROLLERS.flatMap(routesOf).filter(
      (route) => route.method === RequestMethod.GET,
    );
    expect(queries.length).toBeGreaterThan(10);
    for (const { route, interceptors } of queries) {
      expect({ route, interceptors }).toEqual({ route, interceptors: [] });
    }
  });
});

/** A layer that records when it is entered and wraps the answer below it in its name. */
function recording(name: string, entered: string[]): NestInterceptor {
  return {
    intercept: (_: ExecutionContext, next: CallHandler): Observable<unknown> => {
      entered.push(name);
      return next.handle().pipe(map((answer) => `${name}(${String(answer)})`));
    },
  };
}

describe('CommandInterceptor', () => {
  it('nests idempotency, metrics and out of scope around the handler, in that order', async () => {
    const entered: string[] = [];
    const interceptor = new CommandInterceptor(
      recording('idempotency', entered) as IdempotencyInterceptor,
      recording('metrics', entered) as CommandMetricsInterceptor,
      recording('outOfScope', entered) as OutOfScopeInterceptor,
    );
    const handler: CallHandler = {
      handle: () => {
        entered.push('handler');
        return of('answer');
      },
    };
    const answer = await lastValueFrom(
      interceptor.intercept({} as ExecutionContext, handler) as Observable<unknown>,
    );
    expect(entered).toEqual(['idempotency', 'metrics', 'outOfScope', 'handler']);
    expect(answer).toBe('idempotency(metrics(outOfScope(answer)))');
  });

  it('does not enter a layer before the one above it asks for it (a replay stops there)', async () => {
    const entered: string[] = [];
    const replaying: NestInterceptor = {
      intercept: () => {
        entered.push('idempotency');
        return of('replayed');
      },
    };
    const interceptor = new CommandInterceptor(
      replaying as IdempotencyInterceptor,
      recording('metrics', entered) as CommandMetricsInterceptor,
      recording('outOfScope', entered) as OutOfScopeInterceptor,
    );
    const handler: CallHandler = { handle: () => of('answer') };
    const answer = await lastValueFrom(
      interceptor.intercept({} as ExecutionContext, handler) as Observable<unknown>,
    );
    expect({ entered, answer }).toEqual({ entered: ['idempotency'], answer: 'replayed' });
  });
});
