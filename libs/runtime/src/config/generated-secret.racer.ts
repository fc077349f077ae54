// One of several processes racing to load the config of the same fresh DATA_DIRs (run by
// generated-secret.int.spec.ts): prints, per directory, the secrets it read or its error.
import { join } from 'node:path';
import { readyToRace } from '@hub/testing/process-race';
import { loadConfig } from './hub-config';

const [root, count] = [process.argv[2], Number(process.argv[3])];
readyToRace(root);
const seen: string[] = [];
for (let i = 0; i < count; i += 1) {
  try {
    const config = loadConfig({ DATA_DIR: join(root, `d${i}`) });
    seen.push(`${config.masterKey.key.toString('base64')} ${config.jwt.secret}`);
  } catch (error) {
    seen.push(`error: ${(error as Error).message.split('\n')[0]}`);
  }
}
process.stdout.write(JSON.stringify(seen));
