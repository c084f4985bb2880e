import { spawnSync } from 'node:child_process';

/**
 * Runs a command with a terminal as its stdin, stdout and stderr (a pseudo-terminal from Python's pty
 * module, which every machine the project runs on has), and returns all it wrote there, as a user sees it.
 */
export function runInTerminal(argv: string[], env: NodeJS.ProcessEnv = process.env) {
  const script = [
    'import os, pty, sys',
    'chunks = []',
    'def read(fd):',
    '    data = os.read(fd, 65536)',
    '    chunks.append(data)',
    '    return data',
    'status = pty.spawn(sys.argv[1:], read)',
    'sys.stdout.buffer.write(b"".join(chunks))',
    'sys.exit(os.waitstatus_to_exitcode(status))',
  ].join('\n');
  const result = spawnSync('python3', ['-c', script, ...argv], { env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { code: result.status, output: result.stdout };
}
