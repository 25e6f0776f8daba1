import type { PlanDocument, PlanProject } from '../../../schema/contracts/plan-document';
import { callWorker } from './worker';

/** Every project of a plan document, in plan order. */
export const projectsOf = (doc: PlanDocument) =>
  doc.dimensions.flatMap((d) => d.missions.flatMap((m) => m.projects));

/** Budget per fiscal year summed over projects, every year present. */
export const sumYears = (projects: PlanProject[], years: number[]) =>
  Object.fromEntries(
    years.map((y) => [String(y), projects.reduce((a, p) => a + (p.budget[String(y)] ?? 0), 0)]),
  );

/** Calls the worker and reads the JSON body (null for a 304). */
export async function getJson(path: string, init?: RequestInit) {
  const response = await callWorker(path, init);
  return { response, body: response.status === 304 ? null : await response.json() };
}
