import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from './engines';

/** A broker a test may stop and start at will, without touching the shared one. */
export interface PrivateKafka {
  brokers: string[];
  start(): void;
  stop(): void;
  /** Stops it and deletes its data, config, log and pid file. */
  remove(): void;
}

/**
 * A second broker of its own for a test that stops and restarts one (infra/local/kafka.sh with
 * another port, hence its own data dir, pid file and log), so the shared broker that every other
 * test and developer uses is never stopped. Starts from empty storage each time it is created;
 * the jars are the shared download, so a start takes seconds.
 */
export function privateKafka(port: number): PrivateKafka {
  const root = repositoryRoot();
  const script = join(root, 'infra', 'local', 'kafka.sh');
  const env = { ...process.env, KAFKA_PORT: String(port), KAFKA_CONTROLLER_PORT: String(port + 1) };
  const run = (action: 'start' | 'stop') =>
    execFileSync('bash', [script, action], { env, stdio: 'pipe', timeout: 240_000 });
  const home = join(root, '.cache', 'kafka');
  const files = [`data-${port}`, `server-${port}.properties`, `kafka-${port}.log`];
  const wipe = () =>
    files.forEach((file) => rmSync(join(home, file), { recursive: true, force: true }));
  // A run that died before its clean-up may have left one running: stop it, then start afresh.
  run('stop');
  wipe();
  return {
    brokers: [`127.0.0.1:${port}`],
    start: () => run('start'),
    stop: () => run('stop'),
    remove: () => {
      run('stop');
      wipe();
    },
  };
}
