import type { TestProject } from 'vitest/node';
import { buildApp, chromiumPath, serveBuilt } from './harness.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

export default async function setup(project: TestProject) {
  chromiumPath(); // fail early, with the fix, if there is no browser
  const { url, close } = await serveBuilt(await buildApp());
  project.provide('appUrl', url);
  return close;
}
