// Runs one exported function of a compiled module in a worker thread and fails when it has not returned within a
// deadline. A hang guard for synchronous code, which node:test's own timeout cannot interrupt: the worker is
// terminated, so a regression fails the test instead of stalling the whole run.

import * as path from 'node:path';
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const result = require(workerData.module)[workerData.name](...workerData.args);
parentPort.postMessage(result);
`;

/** `module` is a path relative to out/ (`server/src/baseConfig/parser`); the result comes back structured-cloned. */
export function returnsWithin<T>(ms: number, module: string, name: string, ...args: unknown[]): Promise<T> {
  const worker = new Worker(WORKER, { eval: true, workerData: { module: path.join(__dirname, '..', '..', module), name, args } });
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`${name} did not return within ${ms / 1000} s`));
    }, ms);
    worker.once('message', (value: T) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(value);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
