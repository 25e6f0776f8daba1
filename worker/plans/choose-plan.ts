/**
 * The plan to show for a fiscal year: one covering it (the latest-starting if several), else the one
 * ending last. Null when there is none.
 */
export function choosePlan<P extends { firstYear: number; lastYear: number }>(
  plans: readonly P[],
  fiscalYear: number,
): P | null {
  const covering = plans.filter((p) => p.firstYear <= fiscalYear && fiscalYear <= p.lastYear);
  const pool = covering.length > 0 ? covering : plans;
  let best: P | null = null;
  for (const plan of pool) {
    const better =
      covering.length > 0 ? plan.firstYear > (best?.firstYear ?? -1) : plan.lastYear > (best?.lastYear ?? -1);
    if (!best || better) best = plan;
  }
  return best;
}
