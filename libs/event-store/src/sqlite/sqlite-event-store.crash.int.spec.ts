import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

import { TS_REGISTER } from '@hub/testing/run-typescript';

const crashWriter = join(
  __dirname,
  '..',
  '..',
  '..',
  'testing',
  'src',
  'event-store',
  'crash-writer.ts',
);

describe('SqliteEventStore after the writing process is killed (SIGKILL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hub-event-store-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged event, gapless positions, and an intact file', async () => {
    const file = join(dir, 'events.sqlite');
    const child = spawn(process.execPath, ['-r', TS_REGISTER, crashWriter, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: bigint[] = [];
    let stderr = '';
    let partial = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(
        () => reject(new Error(`child acked too little: ${stderr}`)),
        30_000,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines)
          if (line.startsWith('ack ')) acknowledged.push(BigInt(line.slice(4)));
        // Kill mid-way: while appends are in flight, not between quiet runs.
        if (acknowledged.length >= 300) {
          clearTimeout(deadline);
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`child exited early: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const raw = new Database(file);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const store = new SqliteEventStore(file);
    const positions = (await store.readAll()).map((e) => e.position);
    await store.close();
    expect(positions.length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(positions).toEqual(positions.map((_, i) => BigInt(i + 1)));
    const present = new Set(positions);
    expect(acknowledged.filter((position) => !present.has(position as never))).toEqual([]);
  });
});
