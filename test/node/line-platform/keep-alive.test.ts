import { Agent, get } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { platformForTests } from './helpers';

let setup: Awaited<ReturnType<typeof platformForTests>>;
beforeAll(async () => {
  setup = await platformForTests();
});
afterAll(() => setup.platform.close());

/** One GET through the agent: its status and whether it went over an already open connection. */
function request(agent: Agent, url: string): Promise<{ status?: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, reused: req.reusedSocket }));
    });
    req.on('error', reject);
  });
}

// workerd pools connections to this server; Node's default 5 s idle timeout closed one under a test that
// paused that long, and workerd's next request on it failed with "Network connection lost".
it('keeps an idle keep-alive connection open past Node’s 5-second default', async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = `${setup.url}/_platform/channels`;
  expect(await request(agent, url)).toEqual({ status: 200, reused: false });
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  expect(await request(agent, url)).toEqual({ status: 200, reused: true });
  agent.destroy();
}, 15_000);
