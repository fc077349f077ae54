import { DynamicModule } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HubConfig } from '@hub/runtime/config/hub-config';
import { createHealthApp } from '@hub/runtime/run-process';
import { createHubApp } from '../hub-api/src/app.factory';

/**
 * The HTTP application of a process running the roles `config` names: the API's (prefix,
 * validation, OpenAPI) with the api role, else the bare one that serves /health, /health/live,
 * /health/ready and /metrics only.
 */
export function createRoleApp(
  root: DynamicModule,
  config: HubConfig,
): Promise<NestFastifyApplication> {
  return config.roles.api ? createHubApp(root, config) : createHealthApp(root);
}
