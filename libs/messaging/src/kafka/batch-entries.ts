import { KafkaMessage } from 'kafkajs';
import { InboundMessage, ParseResult } from '../contract';
import { DeadLetterCause } from './dead-letter';

/** The entry of a message its handler never got to (the batch ended before it). */
export const NOT_HANDLED = Symbol('not handled');

/** How a message ended: recorded (null), to be dead-lettered, or never handled. */
export type Outcome = DeadLetterCause | null | typeof NOT_HANDLED;

/**
 * One message of a batch and its outcome, which its group settles when it ends (rejected when
 * its handling was given up, a stop say). The outcomes are awaited in offset order.
 */
export class BatchEntry {
  readonly outcome: Promise<Outcome>;
  private settled = false;
  private resolve!: (outcome: Outcome) => void;
  private reject!: (error: unknown) => void;

  constructor(
    readonly message: KafkaMessage,
    readonly parsed: ParseResult,
    readonly source: string,
  ) {
    this.outcome = new Promise<Outcome>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Awaited only when the entries before it are finished: not an unhandled rejection meanwhile.
    this.outcome.catch(() => undefined);
  }

  /** The valid message (only valid ones reach a handler). */
  get inbound(): InboundMessage {
    if (!this.parsed.ok) throw new Error(`${this.source} holds no valid message`);
    return this.parsed.message;
  }

  /** Settles the outcome unless it already was (so "never handled" fills in what is left). */
  settle(outcome: Outcome): void {
    if (this.settled) return;
    this.settled = true;
    this.resolve(outcome);
  }

  fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }
}
