import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DomainError, deterministicId } from '@hub/domain';
import { ConcurrencyError } from '@hub/domain';
import { EVENT_STORE, EventStore, NO_STREAM } from '@hub/event-store';
import { SCHEMA_VERSION } from './execution';
import { CommandContext } from './command-context';

/** The answer a command gave, kept so the same key and body answer the same again. */
export interface RecordedAnswer {
  statusCode: number;
  body: unknown;
}

/** Recorded once per idempotency key, in the key's own stream. */
export interface CommandAnsweredData {
  scope: string;
  requestHash: string;
  answer: RecordedAnswer;
}

export function requestHash(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(request ?? null))
    .digest('hex');
}

/**
 * `Idempotency-Key` semantics (api.md): the same key with the same request answers what it
 * answered the first time and appends nothing; with another request, 409
 * `idempotency_key_reused`. Answers live in the event store (stream `idempotency-<id>`), so
 * they hold on every engine and survive restarts. Only successful answers are recorded: a
 * refused command appended nothing and may simply be sent again.
 */
@Injectable()
export class IdempotencyService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  streamFor(scope: string, key: string): string {
    return `idempotency-${deterministicId('idempotency', scope, key)}`;
  }

  async previousAnswer(scope: string, key: string, hash: string): Promise<RecordedAnswer | null> {
    const [recorded] = await this.store.readStream(this.streamFor(scope, key), { maxCount: 1 });
    if (!recorded) return null;
    const data = recorded.data as unknown as CommandAnsweredData;
    if (data.requestHash !== hash) {
      throw new DomainError(
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request',
        { key },
      );
    }
    return data.answer;
  }

  async record(
    scope: string,
    key: string,
    hash: string,
    answer: RecordedAnswer,
    context: CommandContext,
  ): Promise<void> {
    const stream = this.streamFor(scope, key);
    const data: CommandAnsweredData = { scope, requestHash: hash, answer };
    try {
      await this.store.appendToStream(
        stream,
        [
          {
            type: 'CommandAnswered',
            data,
            metadata: {
              eventId: deterministicId('idempotency-answer', scope, key, hash),
              schemaVersion: SCHEMA_VERSION,
              correlationId: context.correlationId,
              causationId: context.commandId,
              actor: context.actor,
              source: context.source,
              occurredAt: context.occurredAt,
            },
          },
        ],
        NO_STREAM,
      );
    } catch (error) {
      // A concurrent request with the same key recorded first; its answer stands.
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
}
