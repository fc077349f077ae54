import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where `scripts/build-web.mjs` puts the reporting UI: `dist/web` beside package.json. */
export function webRoot(from = __dirname): string | null {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const root = join(dir, 'dist', 'web');
      return existsSync(join(root, 'index.html')) ? root : null;
    }
  }
  return null;
}

/**
 * The reporting UI (apps/web) as static files at /app/, and `/` sends a browser there. The files
 * carry content hashes in their names, so they may be cached for good; index.html never is.
 * Without a build, /app/ says how to make one instead of a bare 404.
 */
export async function serveWeb(app: NestFastifyApplication, root = webRoot()): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/', (_request: FastifyRequest, reply: FastifyReply) => reply.redirect('/app/'));
  if (!root) {
    fastify.get('/app/*', (_request: FastifyRequest, reply: FastifyReply) =>
      reply.code(404).send({
        statusCode: 404,
        code: 'not_found',
        message: 'The reporting UI is not built: run `npm run build:web` (npm start does it).',
      }),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/app',
    redirect: true,
    wildcard: true,
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.includes(join('assets', '')) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
