// Live updates: the hub's server-sent events when it offers them, else asking again on a timer.
import { HubApi } from './api';

export const POLL_MS = 4000;

export interface SseMessage {
  event: string;
  data: string;
}

/** Splits an SSE text buffer into complete messages and the unfinished rest. */
export function parseSse(buffer: string): { messages: SseMessage[]; rest: string } {
  const messages: SseMessage[] = [];
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0 || event !== 'message') messages.push({ event, data: data.join('\n') });
  }
  return { messages, rest };
}

/**
 * Calls `onChange` whenever the hub says something moved (SSE `read-model` or `notification`),
 * or every POLL_MS when the stream route does not answer. Answers a function that stops it.
 */
export function watch(
  api: HubApi,
  onChange: (message?: SseMessage) => void,
  pollMs = POLL_MS,
): () => void {
  const abort = new AbortController();
  let timer: ReturnType<typeof setInterval> | undefined;
  const poll = () => {
    if (!abort.signal.aborted && timer === undefined) timer = setInterval(() => onChange(), pollMs);
  };
  void (async () => {
    try {
      const response = await api.stream('/v1/notifications/stream', abort.signal);
      const type = response.headers.get('content-type') ?? '';
      if (!response.ok || !response.body || !type.startsWith('text/event-stream')) return poll();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseSse(buffer + value);
        buffer = parsed.rest;
        for (const message of parsed.messages) onChange(message);
      }
      poll();
    } catch {
      poll();
    }
  })();
  return () => {
    abort.abort();
    if (timer !== undefined) clearInterval(timer);
  };
}
