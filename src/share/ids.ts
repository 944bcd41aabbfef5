/** The two scenarios the app compares, in the links, the sensitivity page and the UI. */
export type ScenarioId = 'A' | 'B';
