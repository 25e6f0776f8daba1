import path from 'node:path';
import { startStack } from './stack';

// `npm start`: local D1 migrated and seeded, the worker, and the local LINE platform with its chat page.
const root = path.resolve(import.meta.dirname, '..');
const workerPort = Number(process.env.WORKER_PORT ?? 8787);
const platformPort = Number(process.env.LINE_PLATFORM_PORT ?? 8790);

const stack = await startStack({ root, workerPort, platformPort, verbose: process.env.VERBOSE === '1' });
console.log(`
  Worker (webhook, API, LIFF)  ${stack.workerUrl}
  Webhook for an organisation  ${stack.workerUrl}/webhook/<slug>   (slugs: see README)
  Local LINE platform          ${stack.platformUrl}
  Chat page                    ${stack.chatUrl}
  LIFF pages (local LINE Login: pick a demo person)
    complaint form             ${stack.workerUrl}/o/chanthaburi/complaint
    tracker                    ${stack.workerUrl}/o/chanthaburi/track
    staff                      ${stack.workerUrl}/o/chanthaburi/staff

  Ctrl-C to stop.
`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stack.stop().finally(() => process.exit(0));
  });
}
