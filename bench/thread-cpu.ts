// Where a timed run's CPU went, per thread of this process: the event loop's busy time, and the
// CPU seconds of each thread from /proc (Linux; elsewhere only the event loop is reported).
import { readFileSync, readdirSync } from 'node:fs';
import { EventLoopUtilization, performance } from 'node:perf_hooks';

export interface ThreadCpuMark {
  loop: EventLoopUtilization;
  threads: Map<string, number>;
}

/** CPU seconds (user + system) of each live thread, by thread id; empty without /proc. */
function threadSeconds(): Map<string, number> {
  const seconds = new Map<string, number>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return seconds;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks
      // (USER_HZ, 100 on Linux).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      seconds.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return seconds;
}

export function markThreadCpu(): ThreadCpuMark {
  return { loop: performance.eventLoopUtilization(), threads: threadSeconds() };
}

/**
 * One line: the event loop's busy and idle seconds since `mark`, the main thread's CPU, then the
 * other threads' CPU, busiest first (in a rebuild into SQLite the busiest is the read store's
 * writer thread; the small ones are V8's garbage-collection helpers).
 */
export function describeThreadCpu(mark: ThreadCpuMark): string {
  const loop = performance.eventLoopUtilization(mark.loop);
  const line = `event loop busy ${(loop.active / 1000).toFixed(1)} s, idle ${(loop.idle / 1000).toFixed(1)} s`;
  const now = threadSeconds();
  const used = [...now]
    .map(([tid, seconds]) => [tid, seconds - (mark.threads.get(tid) ?? 0)] as const)
    .filter(([, seconds]) => seconds >= 0.1);
  const main = used.find(([tid]) => tid === String(process.pid));
  if (!main) return line;
  const others = used
    .filter(([tid]) => tid !== String(process.pid))
    .map(([, seconds]) => seconds)
    .sort((a, b) => b - a);
  return `${line}; CPU s: main thread ${main[1].toFixed(1)}, other threads ${others.map((s) => s.toFixed(1)).join(', ')}`;
}
