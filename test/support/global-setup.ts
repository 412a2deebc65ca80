// Vitest global setup: one PostgreSQL for the whole run; test files make their own databases on it
// (see `pgAdminUrl` in dialects.ts).
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startPostgres();
  project.provide('pgAdminUrl', server.adminUrl);
  return async () => server.stop();
}
