// CPU time from /proc, for benchmarks that report CPU per operation: the work done whatever the machine's
// load, which only stretches wall-clock time. Linux only (USER_HZ = 100).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const TICKS_PER_SECOND = 100;

/** utime, stime, cutime and cstime of one /proc stat line, in seconds (after "(name) ": fields 14–17 of the line). */
function statFields(raw: string): { ppid: number; own: number; children: number } {
  const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  return {
    ppid: Number(fields[1]),
    own: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    children: (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND,
  };
}

function readStat(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    // The process or thread ended while being read.
    return null;
  }
}

/** This process's CPU seconds: its main thread (the event loop) and every other thread (worker threads, GC, libuv). */
export function threadCpuSeconds(): { main: number; others: number } {
  const totals = { main: 0, others: 0 };
  for (const tid of readdirSync('/proc/self/task')) {
    const raw = readStat(join('/proc/self/task', tid, 'stat'));
    if (raw === null) continue;
    const { own } = statFields(raw);
    if (Number(tid) === process.pid) totals.main += own;
    else totals.others += own;
  }
  return totals;
}

/** CPU seconds of one process (a child such as the fake Resend) and its exited children; 0 once it is gone. */
export function processCpuSeconds(pid: number): number {
  const raw = readStat(`/proc/${pid}/stat`);
  if (raw === null) return 0;
  const stat = statFields(raw);
  return stat.own + stat.children;
}

/**
 * CPU seconds of a PostgreSQL server: the postmaster named in its pid file and its live children (backends,
 * WAL writer, checkpointer); children that have exited count through the postmaster's cutime/cstime.
 */
export function postgresCpuSeconds(clusterDir: string): number {
  const postmasterPid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const raw = readStat(`/proc/${entry}/stat`);
    if (raw === null) continue;
    const stat = statFields(raw);
    if (Number(entry) === postmasterPid) total += stat.own + stat.children;
    else if (stat.ppid === postmasterPid) total += stat.own;
  }
  return total;
}
