import { liffPath, liffUrl } from '../../line/liff-url';
import { searchProjects } from '../../plans/chat-data';
import { fiscalYearOf } from '../../../lib/fiscal-year';
import { listActivePlans } from '../../plans/plans-data';
import { noPlanMessage } from '../messages/plan-carousel';
import {
  MAX_RESULTS,
  notFoundMessage,
  projectResultsMessages,
  searchHelpMessage,
} from '../messages/project-results';
import type { TextCommand } from './text-command';
import { exampleKeywords } from './search-keywords';

const COMMAND = /^โครงการ/;
/** Longer queries match nothing anyway; the cap keeps the SQL small. */
const MAX_QUERY = 100;

/**
 * "โครงการ <คำค้น>": the best-matching projects of the organisation's plans as a carousel, or a friendly
 * "not found" with example words that do find something. "โครงการ" alone explains how to search.
 */
export const projectSearchCommand: TextCommand = {
  name: 'project-search',
  matches: (text) => COMMAND.test(text),
  slow: true,
  async handle(ctx, input) {
    const query = input.text.replace(COMMAND, '').trim().slice(0, MAX_QUERY);
    if (!query) return [searchHelpMessage(await exampleKeywords(ctx.db, ctx.org.id))];

    const { hits, total } = await searchProjects(ctx.db, { orgId: ctx.org.id, query, limit: MAX_RESULTS });
    if (hits.length === 0) {
      const plans = await listActivePlans(ctx.db, ctx.org.id, ctx.now());
      if (plans.length === 0) return [noPlanMessage(ctx.org.name)];
      return [notFoundMessage(ctx.org.name, query, await exampleKeywords(ctx.db, ctx.org.id))];
    }
    const { liff } = ctx;
    const planPath = (key: string) => ['o', ctx.org.slug, 'plans', key];
    return projectResultsMessages({
      orgName: ctx.org.name,
      query,
      hits,
      total,
      currentYear: fiscalYearOf(ctx.now()),
      severalPlans: new Set(hits.map((h) => h.planKey)).size > 1,
      detailUrl: (hit) =>
        liffUrl(ctx.env, liff, liffPath([...planPath(hit.planKey), 'projects', hit.sequence])),
      allUrl: liffUrl(ctx.env, liff, liffPath([...planPath(hits[0]!.planKey), 'projects'], { q: query })),
    });
  },
};
