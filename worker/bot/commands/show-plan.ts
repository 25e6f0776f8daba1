import { liffPath, liffUrl } from '../../line/liff-url';
import { fiscalYearOf, nearestYear } from '../../../lib/fiscal-year';
import { choosePlan } from '../../plans/choose-plan';
import { listActivePlans } from '../../plans/plans-data';
import { readPlanSummary } from '../../plans/summary-data';
import { noPlanMessage, planCarouselMessages } from '../messages/plan-carousel';
import { suggestionReplies } from '../messages/project-results';
import type { TextCommand } from './text-command';
import { exampleKeywords } from './search-keywords';

/** What people type (spaces ignored) to see the plan; the first is the welcome menu's quick reply. */
const PLAN_WORDS = new Set(['แผนป้องกันการทุจริต', 'แผนป้องกันทุจริต', 'แผนปฏิบัติการป้องกันการทุจริต', 'แผน']);

/**
 * "แผนป้องกันการทุจริต": the plan covering this fiscal year (or the nearest one) as a carousel, one bubble
 * per dimension, each opening the LIFF app at that dimension's projects.
 */
export const planCarouselCommand: TextCommand = {
  name: 'plan-carousel',
  matches: (text) => PLAN_WORDS.has(text.replace(/\s+/g, '')),
  async handle(ctx) {
    const currentYear = fiscalYearOf(ctx.now());
    const plans = await listActivePlans(ctx.db, ctx.org.id, ctx.now());
    const chosen = choosePlan(
      plans.map((p) => ({ ...p, firstYear: p.info.firstYear, lastYear: p.info.lastYear })),
      currentYear,
    );
    if (!chosen) return [noPlanMessage(ctx.org.name)];
    const [summary, keywords] = await Promise.all([
      readPlanSummary(ctx.db, chosen.row),
      exampleKeywords(ctx.db, ctx.org.id),
    ]);
    const { liff } = ctx;
    const base = ['o', ctx.org.slug, 'plans', chosen.info.id];
    return planCarouselMessages({
      orgName: ctx.org.name,
      summary: { plan: chosen.info, dimensions: summary.dimensions, totals: summary.totals },
      currentYear,
      shownYear: nearestYear(chosen.info.fiscalYears, currentYear) ?? currentYear,
      overviewUrl: liffUrl(ctx.env, liff, liffPath(base)),
      dimensionUrl: (dimension) => liffUrl(ctx.env, liff, liffPath([...base, 'projects'], { dimension })),
      searchHint: keywords.length > 0 ? suggestionReplies(keywords, false) : undefined,
    });
  },
};
