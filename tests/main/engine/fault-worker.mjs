// Test-only engine worker: when BACKPROP_TEST_FAULT names a fault, the worker fails that way on receiving its job;
// otherwise it is the real built worker (out/main/engine-worker.js). Production workers carry no fault injection.
//   throw: throws from the message handler    oom: allocates JS heap until resourceLimits end the worker
//   exit: process.exit(3)                      hang: spins forever without beating or reading the control block
import { parentPort } from 'node:worker_threads';

const FAULTS = {
  throw() {
    throw new Error('injected fault: the worker threw');
  },
  oom() {
    const hog = [];
    for (;;) hog.push(new Array(1 << 20).fill(hog.length + 0.5));
  },
  exit() {
    process.exit(3);
  },
  hang() {
    for (;;) {
      /* spin */
    }
  },
};

const fault = process.env.BACKPROP_TEST_FAULT;
if (fault) {
  const inject = FAULTS[fault];
  if (!inject) throw new Error(`fault-worker: unknown BACKPROP_TEST_FAULT ${fault}`);
  parentPort.once('message', () => inject());
} else {
  await import(new URL('../../../out/main/engine-worker.js', import.meta.url).href);
}
