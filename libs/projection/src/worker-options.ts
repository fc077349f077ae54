/** How a projection worker runs, and what it reports. */
import { GlobalPosition, RecordedEvent } from '@hub/event-store';
import { SnapshotOptions } from './snapshots/snapshot-writer';

export type WorkerState = 'starting' | 'catching-up' | 'live' | 'halted' | 'stopped';

/** Why a projection stopped: the event it could not apply (never skipped silently). */
export interface ProjectionFailure {
  position: string;
  type: string;
  streamName: string;
  message: string;
  attempts: number;
  at: string;
}

/** The failure of `event` (null: a store action, at `checkpoint`) after `attempts` attempts. */
export function describeFailure(
  event: RecordedEvent | null,
  error: unknown,
  attempts: number,
  checkpoint: GlobalPosition | null,
): ProjectionFailure {
  return {
    position: event ? event.position.toString() : (checkpoint?.toString() ?? ''),
    type: event?.type ?? '',
    streamName: event?.streamName ?? '',
    message: error instanceof Error ? error.message : String(error),
    attempts,
    at: new Date().toISOString(),
  };
}

export interface WorkerOptions extends SnapshotOptions {
  /** Events read per page, and at most per committed batch once live. */
  batchSize: number;
  /**
   * A catch-up commits once its window holds this many events, or this many characters of
   * document text (whichever comes first; at least one page either way).
   */
  catchUpWindow: number;
  catchUpCharacters: number;
  /**
   * A window holding at least this many events also closes once it covers half the log from
   * its start to the head, so windows shrink toward the head (see CatchUpWindow.isFull).
   */
  catchUpHalving: number;
  /** Attempts per failing batch before the projection halts. */
  maxAttempts: number;
  /** Delay before retry n (1-based): retryDelayMs * 2^(n-1). */
  retryDelayMs: number;
  /** How often an idle live worker checks whether the head moved past events it does not handle. */
  idleProbeMs: number;
}

/** The options given, with the defaults for the rest. */
export function workerOptions(
  options: Partial<WorkerOptions>,
  costlyUpdates: boolean,
): WorkerOptions {
  return {
    batchSize: Math.max(2, options.batchSize ?? 1000),
    catchUpWindow: options.catchUpWindow ?? 200_000,
    // About 64 MB of document text per catch-up (JSON is mostly one byte a character).
    catchUpCharacters: options.catchUpCharacters ?? 64 * 1024 * 1024,
    // Smaller windows would write a document touched across them more often; 20k events'
    // documents commit in a fraction of a second. Not on a store whose updates cost a scan
    // each (FerretDB): there every later window rewrites what the first one wrote, so windows
    // stay as wide as memory allows.
    catchUpHalving: options.catchUpHalving ?? (costlyUpdates ? Infinity : 20_000),
    maxAttempts: options.maxAttempts ?? 5,
    retryDelayMs: options.retryDelayMs ?? 100,
    // A projection that skips what is appended (access, under consumption) moves its checkpoint
    // only on this probe, and a minPosition query in another process waits for it: 200 ms made
    // the split layout's freshness p50 129 ms (bench:freshness), 25 ms makes it 27-32 ms. The
    // probe reads the head (and a checkpoint is written only when it moved); while the log
    // stands still the wait doubles up to 8 times this (IdleProbe).
    idleProbeMs: options.idleProbeMs ?? 25,
    // As-of answers fold at most this many events after a snapshot (bench:as-of at 1,000,000
    // events: p95 33-70 ms with 2,500, 61-133 ms with 5,000), paid for in rebuild time. Never
    // on a store whose updates cost a scan each: every snapshot rewrites the current row of each
    // document changed since the last, and FerretDB 1.24 rebuilt 50,000 events in minutes
    // instead of seconds (bench:projections); as-of answers there fold from the first event.
    snapshotEvery: options.snapshotEvery ?? (costlyUpdates ? 0 : 2_500),
    // Every snapshot of the last 512 intervals (1,280,000 handled events) is kept, so answers
    // that far back are as fast as recent ones; older ones are thinned (snapshot-retention.ts).
    snapshotKeepRecent: options.snapshotKeepRecent ?? 512,
    // A live batch carries this many of a snapshot's rows (a few ms of writing) rather than
    // all of them at once; a catch-up window carries them all.
    snapshotChunk: options.snapshotChunk ?? 250,
  };
}
