import type { Command } from 'cac';
import type { LoadProgress, OnLoadProgress } from '../../load/load-progress.js';

/** Redraws at most this often: a terminal shows ten updates a second, not thousands. */
const REDRAW_MS = 100;

/**
 * Where a long job is, on stderr. On a terminal, one line rewritten in place as the job moves; anywhere
 * else (a pipe, a file, a CI log), nothing until the job ends, then one closing line. Quiet: neither.
 */
export interface ProgressLine {
  /** Shows `text` as where the job is (terminal only). */
  show(text: string): void;
  /** Ends the job: clears the line on a terminal, then writes `closing` (terminal or not). */
  done(closing: string): void;
  /** Clears the line (terminal only), so that an error prints on a line of its own. */
  clear(): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr, quiet = false): ProgressLine {
  const live = stream.isTTY === true && !quiet;
  let shown = false;
  let last = 0;
  const clear = () => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  return {
    show(text) {
      if (!live) return;
      const now = Date.now();
      if (shown && now - last < REDRAW_MS) return;
      last = now;
      const width = (stream.columns || 80) - 1;
      stream.write(`\r\x1b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      shown = true;
    },
    done(closing) {
      clear();
      if (!quiet) stream.write(`${closing}\n`);
    },
    clear,
  };
}

/** `[5/13] build streams_daily 37% (12 s)`: a load's step, its share when DuckDB knows it, and the time so far. */
export function describeLoadProgress(progress: LoadProgress): string {
  const share = progress.percent === null ? '' : ` ${progress.percent.toFixed(0)}%`;
  return `[${progress.index}/${progress.steps}] ${progress.step}${share} (${progress.elapsed.toFixed(0)} s)`;
}

/** What a command gives the library to follow a load: the callback, and whether a load ran at all. */
export interface LoadFollower {
  onProgress: OnLoadProgress;
  /** True once the library reported a step: the data were exports, not a snapshot. */
  loaded(): boolean;
  /** Seconds from the first step to now. */
  seconds(): number;
  line: ProgressLine;
}

export function followLoad(line: ProgressLine): LoadFollower {
  let started: number | undefined;
  return {
    onProgress(progress) {
      started ??= performance.now() - progress.elapsed * 1000;
      line.show(describeLoadProgress(progress));
    },
    loaded: () => started !== undefined,
    seconds: () => (started === undefined ? 0 : (performance.now() - started) / 1000),
    line,
  };
}

/** Declares `--quiet`, for the commands that report progress. */
export function withQuietFlag(command: Command): Command {
  return command.option('--quiet', 'No progress on stderr and no closing line (errors still print)');
}
