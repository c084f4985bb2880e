import type { CAC } from 'cac';

/**
 * Puts back the text the user typed for every value option of the matched command. cac's parser (mri)
 * turns numeric-looking values into numbers (`0x7b` becomes 123, `1e2` 100, `""` 0): our flag parsers
 * must see `0x7b` to refuse it. Repeated options keep all their values (an array), as cac does.
 */
export function restoreRawValues(cli: CAC): void {
  const command = cli.matchedCommand;
  if (!command) return;
  const args = cli.rawArgs.slice(2);
  for (const option of command.options) {
    if (option.isBoolean) continue;
    const spellings = option.rawName
      .split(/[ ,]+/)
      .filter((part) => part.startsWith('--'))
      .map((part) => part.slice(2));
    const values: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const token = args[i] as string;
      if (token === '--') break;
      if (!token.startsWith('--')) continue;
      const [name, inline] = splitOnce(token.slice(2));
      if (!spellings.includes(name)) continue;
      if (inline !== undefined) values.push(inline);
      else if (i + 1 < args.length && !(args[i + 1] as string).startsWith('--'))
        values.push(args[++i] as string);
    }
    if (values.length === 0) continue;
    const options = cli.options as Record<string, unknown>;
    for (const name of option.names) options[name] = values.length === 1 ? values[0] : values;
  }
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
