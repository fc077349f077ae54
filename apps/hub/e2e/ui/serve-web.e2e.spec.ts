import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TestHub } from '../test-hub';
import { serveWeb, webRoot } from '../../../hub-api/src/web/serve-web';

const REPO = resolve(__dirname, '../../../..');

describe('the hub serves the reporting UI at /app/', () => {
  let hub: TestHub;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [join(REPO, 'scripts/build-web.mjs')], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(built.status).toBe(0);
    hub = await TestHub.start();
  }, 120_000);

  afterAll(() => hub.stop());

  it('sends / and /app to /app/, which answers the page, never cached, and its hashed assets cached for good', async () => {
    const root = await hub.call('GET', '/');
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/app/');
    expect((await hub.call('GET', '/app')).headers.location).toBe('/app/');
    const page = await hub.call('GET', '/app/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    const script = /src="(\/app\/assets\/[^"]+\.js)"/.exec(String(page.body))?.[1];
    expect(script).toBeDefined();
    const asset = await hub.call('GET', script as string);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("answers the hub's 404 body for a file that is not there, and leaves /v1 and /health alone", async () => {
    const missing = await hub.call('GET', '/app/assets/nothing-here.js');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
    expect((await hub.call('GET', '/health')).status).not.toBe(404);
    expect((await hub.call('GET', '/v1/workspaces')).status).toBe(401);
  });

  it('says how to build the UI when there is none, and still sends / to it', async () => {
    @Module({})
    class Bare {}
    const app = await NestFactory.create<NestFastifyApplication>(Bare, new FastifyAdapter(), {
      logger: false,
    });
    try {
      await serveWeb(app, null);
      await app.init();
      const fastify = app.getHttpAdapter().getInstance();
      const page = await fastify.inject({ method: 'GET', url: '/app/' });
      expect(page.statusCode).toBe(404);
      expect(page.json()).toMatchObject({
        code: 'not_found',
        message: expect.stringContaining('npm run build:web'),
      });
      expect((await fastify.inject({ method: 'GET', url: '/' })).headers.location).toBe('/app/');
    } finally {
      await app.close();
    }
  });

  it('finds no UI where nothing was built', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-web-'));
    try {
      writeFileSync(join(dir, 'package.json'), '{}');
      mkdirSync(join(dir, 'dist', 'web'), { recursive: true });
      expect(webRoot(join(dir, 'dist'))).toBeNull();
      writeFileSync(join(dir, 'dist', 'web', 'index.html'), '<!doctype html>');
      expect(webRoot(join(dir, 'dist'))).toBe(join(dir, 'dist', 'web'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
