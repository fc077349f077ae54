import { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ConfigError, HubConfig, HubRoles, loadConfig } from './config/hub-config';

/** Builds a process's root module and its HTTP application from the validated configuration. */
export interface ProcessDefinition {
  /** The roles this entry point runs, whatever HUB_ROLES says (null: as HUB_ROLES says). */
  roles: HubRoles | null;
  root(config: HubConfig): DynamicModule;
  /** The process's HTTP application (default: `/health` only). */
  createApp?(root: DynamicModule, config: HubConfig): Promise<NestFastifyApplication>;
}

/** An HTTP application serving only what the root module's controllers say (`/health`). */
export async function createHealthApp(root: DynamicModule): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(root, new FastifyAdapter(), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}

/**
 * Boots one process of the hub: validated configuration (a bad variable stops it with a message
 * naming it), its root module, its HTTP listener on loopback unless HOST says otherwise.
 */
export async function runProcess(definition: ProcessDefinition): Promise<void> {
  let config: HubConfig;
  let root: DynamicModule;
  try {
    const loaded = loadConfig();
    config = definition.roles ? { ...loaded, roles: definition.roles } : loaded;
    // Building the root module reads the modules' own settings (Kafka), which may refuse too.
    root = definition.root(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await (definition.createApp ?? createHealthApp)(root, config);
  await app.listen(config.port, config.host);
  const url = `http://${config.host}:${config.port}`;
  const roles = Object.entries(config.roles).flatMap(([role, on]) => (on ? [role] : []));
  console.log(`hub (${roles.join(', ')}) listening on ${url}; data in ${config.dataDir}`);
  if (config.jwt.generated && config.roles.api) {
    console.log(
      `HUB_JWT_SECRET not set: using the generated secret in ${config.dataDir}/jwt-secret.\n` +
        `Mint a token with: TOKEN=$(npm run --silent token -- --sub alice --email alice@example.com --roles CSAM)`,
    );
  }
}
