/**
 * The app's one pool of batch workers for the runs of A and B, made on first
 * use (an app that stays at 1 run never starts a batch worker). Its workers
 * come from the worker layer (src/app/workers/), which replaces a lost one.
 */
import type { WorkerPool } from '../../pool/pool.ts';
import { createBrowserPool } from '../workers/index.ts';

let pool: WorkerPool | null = null;

export function appPool(): WorkerPool {
  pool ??= createBrowserPool();
  return pool;
}

export function disposeAppPool(): void {
  pool?.dispose();
  pool = null;
}
