import {
  ConcurrencyError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '@hub/domain';
import { KafkaMessage } from 'kafkajs';
import { backoffDelay } from './backoff';
import { deadLetterRecord } from './dead-letter';
import { classifyHandlerError } from './error-classification';

describe('classifyHandlerError', () => {
  it.each([
    [new DomainError('benefit_not_consumable', 'no'), 'benefit_not_consumable'],
    [new NotFoundError('no contract'), 'not_found'],
    [new ForbiddenError('no'), 'forbidden'],
    [new ValidationError('bad', { quantity: ['too big'] }), 'validation_failed'],
  ])('dead-letters a refusal: %s', (error, reason) => {
    expect(classifyHandlerError(error)).toEqual({
      kind: 'dead_letter',
      reason,
      message: error.message,
    });
  });

  it.each([new ConcurrencyError('raced'), new Error('SQLITE_BUSY'), 'a string', undefined])(
    'retries anything else: %s',
    (error) => {
      expect(classifyHandlerError(error).kind).toBe('retry');
    },
  );
});

describe('backoffDelay', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    const policy = { initialMs: 100, maxMs: 1000 };
    const middle = () => 0.5; // no jitter
    expect([0, 1, 2, 3, 4, 50].map((n) => backoffDelay(n, policy, middle))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });
});

describe('deadLetterRecord', () => {
  it('keeps key and value and says where the message came from and why', () => {
    const original: KafkaMessage = {
      key: Buffer.from('k'),
      value: Buffer.from('{"messageId":"m-9","type":'),
      offset: '42',
      timestamp: '1700000000000',
      attributes: 0,
      headers: { trace: 't-1' },
    };
    const record = deadLetterRecord(
      { topic: 't', partition: 2, message: original },
      {
        kind: 'invalid_message',
        reason: 'malformed_json',
        message: 'not JSON',
        details: { $: ['x'] },
      },
      new Date('2025-01-01T00:00:00Z'),
    );
    expect(record.key).toBe(original.key);
    expect(record.value).toBe(original.value);
    expect(record.headers).toEqual({
      trace: 't-1',
      'x-dlq-kind': 'invalid_message',
      'x-dlq-reason': 'malformed_json',
      'x-dlq-message': 'not JSON',
      'x-dlq-details': '{"$":["x"]}',
      'x-dlq-at': '2025-01-01T00:00:00.000Z',
      'x-original-topic': 't',
      'x-original-partition': '2',
      'x-original-offset': '42',
    });
  });
});
