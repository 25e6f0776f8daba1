import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { startStack } from '../../../dev/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    workerUrl: string;
    platformUrl: string;
    chatUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/** The same stack `npm start` runs, on free ports with a throw-away local D1. */
export default async function setup(project: TestProject) {
  const persistTo = mkdtempSync(path.join(tmpdir(), 'integrity-line-e2e-'));
  const stack = await startStack({
    root: path.resolve(import.meta.dirname, '../../..'),
    workerPort: await freePort(),
    platformPort: await freePort(),
    persistTo,
  });
  project.provide('workerUrl', stack.workerUrl);
  project.provide('platformUrl', stack.platformUrl);
  project.provide('chatUrl', stack.chatUrl);
  return async () => {
    await stack.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
}
