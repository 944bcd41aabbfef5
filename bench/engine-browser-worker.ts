/**
 * Bundled by bench/engine-browser.ts into a dedicated worker, as the app runs
 * the engine: measures one case of bench/engine-core.ts per message.
 */
import { engineCases, measure } from './engine-core.ts';

self.onmessage = (e: MessageEvent<{ quick: boolean; index: number }>) => {
  const c = engineCases(e.data.quick)[e.data.index];
  self.postMessage(measure(c, () => performance.now()));
};
