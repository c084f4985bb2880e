/** The bench's child servers: started with their output in a log file, and their memory read from /proc. */

import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

const ROOT = new URL('..', import.meta.url).pathname;

/**
 * Starts a server with its stdout in a log file (as a log collector would take it, without a consumer in the
 * load generator's process) and resolves once `readyUrl` answers 200.
 */
export async function startProcess(
  args: string[],
  env: Record<string, string>,
  readyUrl: string,
  logFile: string,
) {
  const out = openSync(logFile, 'w');
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, 'inherit'],
  });
  closeSync(out);
  const deadline = Date.now() + 600_000;
  for (;;) {
    // killed by a signal (an abort on a full heap among them), a process has no exit code
    if (proc.exitCode !== null || proc.signalCode !== null) {
      throw new Error(
        `${args.at(-1)} ended (${proc.exitCode ?? proc.signalCode}): see ${logFile} and stderr`,
      );
    }
    const status = await fetch(readyUrl).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return proc;
    if (Date.now() > deadline) throw new Error(`${readyUrl} not ready after 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A process's resident memory now and at its peak (VmHWM), in MB. */
export function rssMb(pid: number): { rss_mb: number; peak_rss_mb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss_mb: Math.round(kb('VmRSS') / 1024), peak_rss_mb: Math.round(kb('VmHWM') / 1024) };
}
