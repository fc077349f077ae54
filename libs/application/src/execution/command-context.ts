import { Actor } from '@hub/domain';

/** Where a command came from: who, why (correlation), and the id that makes it idempotent. */
export interface CommandContext {
  /** The idempotency key (HTTP `Idempotency-Key`, Kafka message id) or a fresh uuid; event ids derive from it. */
  commandId: string;
  /**
   * The caller's `Idempotency-Key`, when it named the command with one: a repeat refused because
   * the command already landed answers from its events (`landedResults`).
   */
  idempotencyKey?: string;
  correlationId: string;
  actor: Actor;
  /** `api`, or `kafka:<topic>/<partition>/<offset>`. */
  source: string;
  /** The event or message that caused this command, when not the command itself (follow-up steps). */
  causationId?: string;
  /** When the command was issued (ISO instant); deciders receive it as `at`. */
  occurredAt: string;
}
