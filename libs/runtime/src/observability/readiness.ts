import { ProjectionLag } from './hub-metrics';

/** What readiness is judged on, gathered by the controller. */
export interface ReadinessInputs {
  engines: readonly { name: string; up: boolean }[];
  /** The projections this process runs or reads, when it knows their lag. */
  projections: readonly ProjectionLag[];
  maxLagEvents: number;
  /** Extra contributors (Kafka): down, or a consumer without any partition assigned. */
  contributors: readonly { name: string; up: boolean; details?: Record<string, unknown> }[];
}

export interface Readiness {
  ready: boolean;
  /** One line per reason this process should get no traffic yet, naming what. */
  notReady: string[];
}

/**
 * Ready when every engine answers, every projection is within `maxLagEvents` of the head, and
 * a Kafka consumer running here has partitions assigned. Pure, so the rule is tested alone.
 */
export function assessReadiness(inputs: ReadinessInputs): Readiness {
  const notReady: string[] = [];
  for (const engine of inputs.engines)
    if (!engine.up) notReady.push(`${engine.name}: not reachable`);
  for (const lag of inputs.projections)
    if (lag.events > inputs.maxLagEvents)
      notReady.push(
        `projection ${lag.projection}: ${lag.events} events behind (more than ${inputs.maxLagEvents})`,
      );
  for (const contributor of inputs.contributors) {
    if (!contributor.up) notReady.push(`${contributor.name}: down`);
    else if (unassigned(contributor.details?.assignment))
      notReady.push(`${contributor.name}: consumer has no partition assigned`);
  }
  return { ready: notReady.length === 0, notReady };
}

/** A consumer's assignment (topic → partitions) that holds no partition at all. */
function unassigned(assignment: unknown): boolean {
  if (assignment === undefined || assignment === null || typeof assignment !== 'object')
    return false;
  return Object.values(assignment).every((partitions) =>
    Array.isArray(partitions) ? partitions.length === 0 : false,
  );
}
