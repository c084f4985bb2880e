import { spawn } from 'node:child_process';

const MAIN = new URL('../../dist/bin/api.js', import.meta.url).pathname;

/**
 * Starts the built API (`dist/`, as `npm start` does) with `env` over this process's environment, and
 * resolves `loaded` with its URL once it logs that the dataset is loaded.
 */
export function startApi(env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const loaded = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c) => {
      stdout += c;
      const url = /"url":"([^"]+)"/.exec(stdout)?.[1];
      if (url && stdout.includes('dataset loaded')) resolve(url);
    });
    exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  loaded.catch(() => {}); // a test of a failing start awaits `exited` instead
  return { child, loaded, exited, output: () => ({ stdout, stderr }) };
}
