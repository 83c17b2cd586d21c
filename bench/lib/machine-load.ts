/**
 * CPU time the whole machine spent busy (from /proc/stat), so a trial can tell how much of it went to
 * processes other than the system and the generator: colleagues' tests, a build, the database.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_US = 10_000; // USER_HZ = 100 on Linux

/** Busy CPU time of all cores since boot, in microseconds; NaN where /proc/stat is missing. */
export function machineBusyUs(): number {
  try {
    const fields = readFileSync('/proc/stat', 'utf8')
      .split('\n', 1)[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const [user = 0, nice = 0, system = 0, _idle, _iowait, irq = 0, softirq = 0, steal = 0] = fields;
    return (user + nice + system + irq + softirq + steal) * TICK_US;
  } catch {
    return NaN;
  }
}

/**
 * CPU time (user + system, µs) of every process whose command name is one of `names`: the database or
 * bus server a system relies on (postgres, redis-server, nats-server), read from /proc. It includes
 * any other client of those servers during the window.
 */
export function servicesCpuUs(names: readonly string[]): number {
  if (names.length === 0) return 0;
  let total = 0;
  for (const pid of safeList('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (names.includes(readFileSync(`/proc/${pid}/comm`, 'utf8').trim()))
        total += processCpuUs(Number(pid));
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/**
 * CPU time (user + system, µs) of one process, read by its parent from /proc/<pid>/stat: exact at the
 * moment of reading even when that process is too busy to answer a message.
 */
export function processCpuUs(pid: number): number {
  const { userUs, systemUs } = processCpu(pid);
  return userUs + systemUs;
}

/** The same, split: time in the process itself, and in the kernel on its behalf (syscalls, fsync). */
export function processCpu(pid: number): { userUs: number; systemUs: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { userUs: Number(fields[11]) * TICK_US, systemUs: Number(fields[12]) * TICK_US };
}

/** Resident memory of one process, in bytes, from /proc/<pid>/statm. */
export function processRss(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
