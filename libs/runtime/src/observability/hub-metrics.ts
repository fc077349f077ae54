import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One projection's distance from the head, as the process running it (or reading it) sees it. */
export interface ProjectionLag {
  projection: string;
  /** Events between its checkpoint and the head. */
  events: number;
  /** Age of the oldest event not yet applied (0 when caught up). */
  seconds: number;
}

/** One consumed partition's distance from its high watermark. */
export interface ConsumerLag {
  topic: string;
  partition: number;
  messages: number;
}

/** Where lag gauges read from when scraped (registered by the roles that know it). */
export interface LagSources {
  projections?: () => Promise<readonly ProjectionLag[]>;
  consumers?: () => Promise<readonly ConsumerLag[]>;
}

/** A command's outcome: recorded, refused with a 4xx (nothing appended), or failed (5xx). */
export type CommandOutcome = 'accepted' | 'refused' | 'failed';

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The hub's Prometheus metrics (names in README "Operating the hub"), in a registry of its own
 * so that two hubs in one test process do not collide. Gauges of lag are read when scraped.
 */
export class HubMetrics {
  readonly registry = new Registry();
  private readonly sources: LagSources = {};

  readonly appendSeconds = new Histogram({
    name: 'hub_event_append_duration_seconds',
    help: 'Time to append to the event store, per call (one or several streams).',
    labelNames: ['streams'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly commandSeconds = new Histogram({
    name: 'hub_command_duration_seconds',
    help: 'Time from a command request to its answer, by command.',
    labelNames: ['command'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly commands = new Counter({
    name: 'hub_commands_total',
    help: 'Commands answered, by command and outcome (accepted, refused with 4xx, failed with 5xx).',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly httpSeconds = new Histogram({
    name: 'hub_http_request_duration_seconds',
    help: 'HTTP request durations, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const sources = this.sources;
    new Gauge({
      name: 'hub_projection_lag_events',
      help: 'Events between a projection checkpoint and the head of the log.',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const lag of (await sources.projections?.()) ?? [])
          this.set({ projection: lag.projection }, lag.events);
      },
    });
    new Gauge({
      name: 'hub_projection_lag_seconds',
      help: 'Age of the oldest event a projection has not applied yet (0 when caught up).',
      labelNames: ['projection'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const lag of (await sources.projections?.()) ?? [])
          this.set({ projection: lag.projection }, lag.seconds);
      },
    });
    new Gauge({
      name: 'hub_consumer_lag_messages',
      help: 'Messages between a consumed partition offset and its high watermark.',
      labelNames: ['topic', 'partition'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const lag of (await sources.consumers?.()) ?? [])
          this.set({ topic: lag.topic, partition: String(lag.partition) }, lag.messages);
      },
    });
  }

  /**
   * Lets the projector (or a reader of checkpoints) and the ingest consumer feed lag gauges;
   * answers how to put back what was registered before.
   */
  registerLagSources(sources: LagSources): () => void {
    const previous = { ...this.sources };
    Object.assign(this.sources, sources);
    return () => {
      for (const key of Object.keys(sources) as (keyof LagSources)[]) {
        if (previous[key]) this.sources[key] = previous[key] as never;
        else delete this.sources[key];
      }
    };
  }

  /** The projections' lag as the registered source reports it (none registered: none known). */
  async projectionLags(): Promise<readonly ProjectionLag[]> {
    return (await this.sources.projections?.()) ?? [];
  }

  /** Times `append` into the append histogram (failed appends are timed too). */
  async timeAppend<T>(streams: number, append: () => Promise<T>): Promise<T> {
    const end = this.appendSeconds.startTimer({ streams: streams > 1 ? 'several' : 'one' });
    try {
      return await append();
    } finally {
      end();
    }
  }

  /** The text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** Injection token for the process's `HubMetrics`. */
export const HUB_METRICS = Symbol('HubMetrics');
