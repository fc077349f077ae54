import { logLevel, LogEntry } from 'kafkajs';

/** Where Kafka warnings and errors go (a pino logger fits: `warn(obj, msg)`, `error(obj, msg)`). */
export interface KafkaLogSink {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

/** Writes one JSON line per warning or error to stderr; the default when no sink is given. */
export const stderrLogSink: KafkaLogSink = {
  warn: (fields, message) =>
    process.stderr.write(`${JSON.stringify({ level: 'warn', message, ...fields })}\n`),
  error: (fields, message) =>
    process.stderr.write(`${JSON.stringify({ level: 'error', message, ...fields })}\n`),
};

/** Drops everything: for tests that assert on behaviour, not on log lines. */
export const silentLogSink: KafkaLogSink = { warn: () => undefined, error: () => undefined };

/**
 * A kafkajs `logCreator` that forwards only warnings and errors to the sink. kafkajs is chatty at
 * info level (every join, every fetch restart); operators need the failures, not the heartbeat.
 */
export function quietLogCreator(sink: KafkaLogSink) {
  return () =>
    ({ namespace, level, log }: LogEntry): void => {
      const { message, ...fields } = log;
      const entry = { component: 'kafkajs', namespace, ...fields };
      if (level === logLevel.ERROR) sink.error(entry, message);
      else if (level === logLevel.WARN) sink.warn(entry, message);
    };
}
