import { DynamicModule, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { CLOCK, Clock } from '@hub/domain';
import { HubConfig } from '@hub/runtime/config/hub-config';
import { HubExceptionFilter } from './http/hub-exception.filter';
import { CORRELATION_HEADER, correlationIdOf } from './http/correlation';
import { clientErrorHandler, frameworkErrors } from './http/framework-errors';
import { useHubJsonParser } from './http/json-body';
import { completeOpenApi } from './http/openapi-completion';
import { hubValidationPipe } from './http/validation.pipe';
import { installRequestClock } from '@hub/projection/query/request-clock';
import { serveWeb } from './web/serve-web';

/** Request bodies above this are refused (413); a 1 MB event plus envelope fits. */
const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * Creates the hub's HTTP application around a root module (the API alone, or the API with the
 * projector and ingest in one process). Listens only when the caller says so.
 */
export async function createHubApp(
  root: DynamicModule,
  config: HubConfig,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) =>
      correlationIdOf(request.headers),
    frameworkErrors,
    clientErrorHandler,
  });
  const fastify = adapter.getInstance();
  const requestClock = installRequestClock(fastify);
  useHubJsonParser(fastify);
  // Every answer, errors included, names the request's correlation id.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header(CORRELATION_HEADER, request.id);
    done();
  });
  // The hub's own JSON parser (json-body.ts) instead of Nest's; the API takes JSON only.
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  // Nest buffers log lines until `listen`; an app that is only initialised (inject) logs too.
  app.flushLogs();
  app.enableShutdownHooks();
  // One clock: the request clock commands and queries read (nowOf) tells the hub's Clock port's
  // time (a test may still set the request clock itself).
  const clock = app.get<Clock>(CLOCK);
  requestClock.now = () => clock.now();
  app.setGlobalPrefix('v1', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  // Probes and the scrape endpoint sit outside the versioned API, where operators' tools expect them.
  app.setGlobalPrefix('v1', {
    exclude: ['health', 'health/live', 'health/ready', 'metrics'].map((path) => ({
      path,
      method: RequestMethod.GET,
    })),
  });
  app.useGlobalPipes(hubValidationPipe());
  app.useGlobalFilters(
    new HubExceptionFilter((route) => fastify.findRoute(route as { method: 'GET'; url: string })),
  );
  const document = completeOpenApi(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Support services hub')
        .setDescription(
          'Commands, queries and audit of the enterprise support record (see api.md).',
        )
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await serveWeb(app);
  void config;
  return app;
}
