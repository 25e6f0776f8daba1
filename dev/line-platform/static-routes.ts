import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Route } from './http';

const CHAT_DIR = fileURLToPath(new URL('./chat/', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The chat page: `/` and its files under `/chat/`, read on every request so edits show on reload. */
export function staticRoutes(): Route[] {
  const serve = async (res: Parameters<Route['handler']>[0]['res'], file: string) => {
    const type = TYPES[extname(file)];
    if (!type) {
      res.writeHead(404).end();
      return;
    }
    try {
      const bytes = await readFile(CHAT_DIR + file);
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(bytes);
    } catch {
      res.writeHead(404).end();
    }
  };
  return [
    { method: 'GET', pattern: /^\/$/, handler: (ctx) => serve(ctx.res, 'index.html') },
    { method: 'GET', pattern: /^\/favicon\.ico$/, handler: (ctx) => void ctx.res.writeHead(204).end() },
    // Only plain file names: no slashes or dots beyond the extension, so nothing outside chat/ is reachable.
    {
      method: 'GET',
      pattern: /^\/chat\/([a-z0-9-]+\.[a-z]+)$/,
      handler: (ctx, [file = '']) => serve(ctx.res, file),
    },
  ];
}
