/**
 * The app's one pool of batch workers for the runs of A and B, made on first
 * use (an app that stays at 1 run never starts a batch worker).
 */
import type { WorkerPool } from '../../pool/pool.ts';
import { createBrowserPool } from '../batch/browserPool.ts';

let pool: WorkerPool | null = null;

export function appPool(): WorkerPool {
  pool ??= createBrowserPool();
  return pool;
}

export function disposeAppPool(): void {
  pool?.dispose();
  pool = null;
}
