import 'reflect-metadata';
import { runProcess } from '@hub/runtime/run-process';
import { createRoleApp } from './hub-app';
import { HubModule } from './hub.module';

// `npm start`: every role HUB_ROLES names (all by default) in one process.
void runProcess({
  roles: null,
  root: (config) => HubModule.forRoot(config),
  createApp: createRoleApp,
});
