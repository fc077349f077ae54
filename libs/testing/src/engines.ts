import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above this file with a package.json (from src/ or dist/). */
export function repositoryRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/** Where `infra/local/up.sh` records the engines it started (repo-relative, git-ignored). */
export const ENGINES_ENV_FILE = join(repositoryRoot(), '.cache', 'engines.env');

const HOW_TO_START = 'run `bash infra/local/up.sh` first (or set KAFKA_BROKERS and MONGODB_URL)';

function readEnginesFile(): Record<string, string> {
  if (!existsSync(ENGINES_ENV_FILE)) return {};
  const entries: Record<string, string> = {};
  for (const line of readFileSync(ENGINES_ENV_FILE, 'utf8').split('\n')) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) entries[match[1]] = match[2].trim();
  }
  return entries;
}

// The environment wins so CI or a developer can point the tests at other engines.
function setting(name: 'KAFKA_BROKERS' | 'MONGODB_URL'): string {
  const value = process.env[name]?.trim() || readEnginesFile()[name];
  if (!value) {
    throw new Error(`${name} is not set and ${ENGINES_ENV_FILE} does not name it: ${HOW_TO_START}`);
  }
  return value;
}

/** Kafka bootstrap brokers for integration tests (KAFKA_BROKERS, comma-separated). */
export function kafkaBrokers(): string[] {
  return setting('KAFKA_BROKERS')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}

/** MongoDB connection string for integration tests (MONGODB_URL). */
export function mongoUrl(): string {
  return setting('MONGODB_URL');
}
