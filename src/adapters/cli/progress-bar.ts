/**
 * A one-line progress bar on stderr when it is a terminal, nothing otherwise (logs and pipes stay clean).
 * Returns the function to call with the work done so far.
 */
export function progressBar(
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
  label = 'streams',
): (done: number) => void {
  if (!stream.isTTY) return () => {};
  const started = Date.now();
  return (done) => {
    const share = total === 0 ? 1 : done / total;
    const width = 30;
    const filled = Math.round(share * width);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    stream.write(
      `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${label}, ${seconds} s`,
    );
    if (done >= total) stream.write('\n');
  };
}
