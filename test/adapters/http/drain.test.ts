import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startApi } from '../../support/api-process.js';
import { keepAliveLoad, rawRequest } from '../../support/keep-alive-load.js';

const Drain = suite('SIGTERM under keep-alive load');

/** Settles with `promise`, or rejects after `ms` saying what was awaited. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

Drain(
  '100 clients hammering: every request sent is answered, /ready says 503, then refused; exit 0',
  async () => {
    const api = startApi({ PORT: '0', HOST: '127.0.0.1', FANBASE_AS_OF: '2026-07-01' });
    try {
      const port = Number(new URL(await within(api.loaded, 20_000, 'the demo dataset loaded')).port);
      let signalled = false;
      const readyAfterSignal: number[] = [];
      // a health checker on its own keep-alive connection, as a load balancer polls
      const ready = keepAliveLoad(port, {
        connections: 1,
        request: rawRequest('GET', '/ready'),
        pauseMs: 5,
        onAnswer: (status) => signalled && readyAfterSignal.push(status),
      });
      await within(ready.answeredOnce, 5_000, '/ready answered');
      const load = keepAliveLoad(port, {
        connections: 100,
        request: rawRequest('POST', '/fanbase', '{"artist_id": 123}'),
      });
      await within(load.answeredOnce, 10_000, 'all 100 connections answered');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const beforeSignal = load.counts.answered;
      signalled = true;
      api.child.kill('SIGTERM');
      const [counts, exitCode] = await within(Promise.all([load.ended, api.exited]), 15_000, 'the drain');
      await within(ready.ended, 2_000, 'the health checker ended');
      const summary = JSON.stringify(counts);
      assert.ok(counts.answered > beforeSignal, `no request answered after SIGTERM: ${summary}`);
      assert.is(counts.reset, 0, `requests reset with no byte of answer: ${summary}`);
      assert.is(counts.partial, 0, `answers cut part-way: ${summary}`);
      assert.is(counts.failedConnects, 0, `connections reset rather than refused: ${summary}`);
      assert.is(counts.answered, counts.sent, summary);
      assert.equal(Object.keys(counts.statuses), ['200'], summary);
      // each client reconnects after its last answer (Connection: close) and finds the listener closed
      assert.is(counts.refused, 100, summary);
      assert.is(exitCode, 0);
      assert.is(ready.counts.reset, 0, JSON.stringify(ready.counts));
      assert.ok(readyAfterSignal.includes(503), `/ready after SIGTERM: ${readyAfterSignal.join(', ')}`);
      assert.match(api.output().stdout, /"msg":"stopped"/);
    } finally {
      if (api.child.exitCode === null) api.child.kill('SIGKILL');
    }
  },
);

Drain.run();
