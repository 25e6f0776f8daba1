import type { TestProject } from 'vitest/node';
import { demoOrganizations } from '../../../dev/demo-organizations';
import { startLinePlatform } from '../../../dev/line-platform/server';
import { faultsOrganization } from '../../fixtures/faults-organization';
import { quotaOrganization } from '../../fixtures/quota-organization';

declare module 'vitest' {
  export interface ProvidedContext {
    linePlatformUrl: string;
  }
}

/** One local LINE platform for the whole run; the worker under test calls it as if it were LINE. */
export default async function setup(project: TestProject) {
  const platform = await startLinePlatform({
    port: 0,
    channels: [...demoOrganizations, quotaOrganization, faultsOrganization],
  });
  project.provide('linePlatformUrl', platform.url);
  return () => platform.close();
}
