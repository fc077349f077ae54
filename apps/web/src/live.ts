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

export interface WatchFilter {
  /** SSE event names that matter: `read-model`, `notification`. */
  events: string[];
  /** For `read-model`, the projections whose moves matter (all when absent). */
  projections?: string[];
}

/** Whether a server-sent message concerns what the page shows. */
export function relevant(message: SseMessage, filter: WatchFilter): boolean {
  if (!filter.events.includes(message.event)) return false;
  if (message.event !== 'read-model' || !filter.projections) return true;
  try {
    const { projection } = JSON.parse(message.data) as { projection?: string };
    return projection === undefined || filter.projections.includes(projection);
  } catch {
    return true;
  }
}

/**
 * Calls `onChange` when the hub says something the page shows moved (over SSE, at most once
 * per `quietMs`: a burst of events is one refresh), or every `pollMs` when the stream route
 * does not answer. Answers a function that stops it.
 */
export function watch(
  api: HubApi,
  onChange: () => void,
  filter: WatchFilter,
  { pollMs = POLL_MS, quietMs = 1000 } = {},
): () => void {
  const abort = new AbortController();
  let timer: ReturnType<typeof setInterval> | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const poll = () => {
    if (!abort.signal.aborted && timer === undefined) timer = setInterval(onChange, pollMs);
  };
  const soon = () => {
    if (pending !== undefined || abort.signal.aborted) return;
    const wait = Math.max(0, last + quietMs - Date.now());
    pending = setTimeout(() => {
      pending = undefined;
      last = Date.now();
      onChange();
    }, wait);
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
        if (parsed.messages.some((message) => relevant(message, filter))) soon();
      }
      poll();
    } catch {
      poll();
    }
  })();
  return () => {
    abort.abort();
    if (timer !== undefined) clearInterval(timer);
    if (pending !== undefined) clearTimeout(pending);
  };
}
