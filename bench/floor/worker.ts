import { Hono } from 'hono';

// The floor: a bare Hono worker that answers every webhook 200 and does nothing else.
export default new Hono().post('/webhook/:org', (c) => c.json({ ok: true }));
