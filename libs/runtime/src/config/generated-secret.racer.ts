// One of several processes racing to load the config of the same fresh DATA_DIRs (run by
// generated-secret.int.spec.ts): prints, per directory, the secrets it read or its error.
import { join } from 'node:path';
import { race } from '@hub/testing/process-race';
import { loadConfig } from './hub-config';

void race((root, i) => {
  const config = loadConfig({ DATA_DIR: join(root, `d${i}`) });
  return `${config.masterKey.key.toString('base64')} ${config.jwt.secret}`;
});
