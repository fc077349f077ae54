import { RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { CommandMetricsInterceptor } from '@hub/runtime/observability/http-metrics';
import { READ_CONTROLLERS } from '@hub/projections/controllers';
import { COMMAND_CONTROLLERS, OPERATIONS_CONTROLLERS } from '../controllers';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { OutOfScopeInterceptor } from './out-of-scope.interceptor';

const WRITING = new Set([
  RequestMethod.POST,
  RequestMethod.PUT,
  RequestMethod.PATCH,
  RequestMethod.DELETE,
]);
const EXPECTED = [IdempotencyInterceptor, CommandMetricsInterceptor, OutOfScopeInterceptor];

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

  it('run on every writing route, in order: idempotency, metrics, out of scope', () => {
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
