/*
 * `npm run line-platform`: the local LINE platform for development.
 * LINE_PLATFORM_PORT (default 8790) is where it listens; WORKER_URL (default http://127.0.0.1:8787) is
 * the worker it delivers webhooks to.
 */
import { startLinePlatform } from './server';

const port = Number(process.env.LINE_PLATFORM_PORT ?? 8790);
const workerUrl = process.env.WORKER_URL ?? 'http://127.0.0.1:8787';
const platform = await startLinePlatform({ port, workerUrl });

console.log(`Local LINE platform: ${platform.url}`);
console.log(`  chat page      ${platform.url}/`);
console.log(`  Messaging API  LINE_API_BASE=${platform.url}  LINE_DATA_API_BASE=${platform.url}`);
console.log(`  webhooks to    ${workerUrl}/webhook/<slug>`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void platform.close().then(() => process.exit(0));
  });
}
