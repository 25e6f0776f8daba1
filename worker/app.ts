import { Hono } from 'hono';
import type { ErrorBody } from '../schema/error';
import type { AppEnv } from './env';
import { AppError } from './errors';
import { health } from './routes/health';
import { plans } from './routes/plans';
import { publicOrgs } from './routes/public-orgs';
import { webhook } from './routes/webhook';

/** The Worker's HTTP app: one router per resource, one error handler, one error body shape. */
export const app = new Hono<AppEnv>()
  .route('/healthz', health)
  .route('/webhook', webhook)
  .route('/api/orgs', publicOrgs)
  .route('/api/orgs/:org/plans', plans)
  .notFound((c) => c.json<ErrorBody>({ error: { code: 'not_found', message: 'no such route' } }, 404))
  .onError((error, c) => {
    if (error instanceof AppError) {
      const body: ErrorBody = { error: { code: error.code, message: error.message } };
      if (error.details !== undefined) body.error.details = error.details;
      if (error.status >= 500) console.error(error);
      return c.json(body, error.status);
    }
    console.error('unhandled error', error);
    return c.json<ErrorBody>({ error: { code: 'internal', message: 'internal error' } }, 500);
  });

export type AppType = typeof app;
