import type { Command } from 'cac';
import type { FanDataset } from '../../domain/fanbase.js';
import { parseWindowName, resolveWindow, type WindowName } from '../../domain/time-window.js';
import { single } from './flags.js';

/** `--window`, on every command that asks a question of the data. */
export function withWindowFlag(command: Command): Command {
  return command.option(
    '--window <window>',
    'Which days count: all, 7d, 28d, 12m (ending on --as-of) or YYYY-MM-DD..YYYY-MM-DD (default: all)',
  );
}

/** The window asked for, its spelling checked before any data is read; undefined for none. */
export function windowFlag(flags: Record<string, unknown>): WindowName | undefined {
  const text = single(flags.window, '--window');
  return text === undefined ? undefined : parseWindowName(text, '--window');
}

/** The window against the loaded data (a range must end by its `as_of`), named `--window` when wrong. */
export function checkWindowFlag(window: WindowName | undefined, fanbase: FanDataset): void {
  resolveWindow(window, fanbase.settings, '--window');
}
