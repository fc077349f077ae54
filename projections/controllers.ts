import { AccessController } from './access/access.controller';

/** Every projection's query controller. */
export const READ_CONTROLLERS = [AccessController];
