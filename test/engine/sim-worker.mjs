/**
 * Worker for the determinism test: runs the engine in a separate
 * worker_threads isolate and posts back the JSON text of the result of each
 * scenario it receives in workerData.
 *
 * Plain JavaScript on purpose: on Node 20 a worker started with
 * `execArgv: ['--import', 'tsx']` does not apply tsx's hooks to its own entry
 * or imports ("Unknown file extension .ts"), so the worker registers tsx
 * itself and then imports the TypeScript engine.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { simulate, toJSON } = await import('../../src/engine/index.ts');
parentPort.postMessage(workerData.map((sc) => JSON.stringify(toJSON(simulate(sc)))));
