import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organizations } from './core';

/**
 * An anti-corruption action plan of an organisation, as imported from its document. An organisation may
 * have several (one per period). `planKey` ("2566-2570" unless the operator names it) is the public,
 * stable id: reloading a document replaces the plan with the same key and keeps every link working.
 *
 * Loading is atomic without a transaction: a new plan is written with status 'loading', then one UPDATE
 * makes it 'active' and the previous one 'replaced' (worker/plans/load-statements.ts). Readers only ever
 * see 'active' plans.
 */
export const plans = sqliteTable(
  'plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    planKey: text('plan_key').notNull(),
    /** Random id of one load, so every statement of a load can find its plan row without knowing its id. */
    loadId: text('load_id').notNull().unique(),
    status: text('status', { enum: ['loading', 'active', 'replaced'] }).notNull(),
    title: text('title'),
    firstYear: integer('first_year').notNull(),
    lastYear: integer('last_year').notNull(),
    /** JSON arrays and objects of the plan document, kept as written: years, stated figures, findings. */
    fiscalYears: text('fiscal_years').notNull(),
    numbering: text('numbering', { enum: ['plan', 'mission'] }).notNull(),
    stated: text('stated').notNull(),
    parsedTotals: text('parsed_totals').notNull(),
    discrepancies: text('discrepancies').notNull(),
    notes: text('notes').notNull(),
    /** Where the document came from (file name), for operators. */
    source: text('source'),
    loadedAt: integer('loaded_at').notNull(),
  },
  (t) => [index('plans_org_key').on(t.orgId, t.planKey, t.status)],
);

/** A dimension (มิติ) of a plan. */
export const planDimensions = sqliteTable(
  'plan_dimensions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('plan_dimensions_plan_position').on(t.planId, t.position)],
);

/** A mission (ภารกิจ) of a dimension; its sub-missions (1.1.1 …) as a JSON array of {code, name}. */
export const planMissions = sqliteTable(
  'plan_missions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    dimensionId: integer('dimension_id')
      .notNull()
      .references(() => planDimensions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    subMissions: text('sub_missions').notNull(),
  },
  (t) => [
    uniqueIndex('plan_missions_plan_position').on(t.planId, t.position),
    index('plan_missions_dimension').on(t.dimensionId),
  ],
);

/**
 * A project, activity or measure. `sequence` (1..N across the plan) is its public id within the plan.
 * `searchText` is the normalised name, alternate names and unit (worker/plans/search-text.ts). `unit` keeps
 * the document's wording, `unitGroup` the plan-wide name of that unit.
 */
export const planProjects = sqliteTable(
  'plan_projects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    missionId: integer('mission_id')
      .notNull()
      .references(() => planMissions.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    number: text('number').notNull(),
    ref: text('ref').notNull(),
    name: text('name').notNull(),
    summaryName: text('summary_name'),
    alternateNames: text('alternate_names').notNull(),
    kind: text('kind', { enum: ['project', 'activity', 'measure'] }).notNull(),
    subMissionCode: text('sub_mission_code'),
    unit: text('unit'),
    unitExpanded: text('unit_expanded'),
    /** The unit under one name across the plan (tools/plan-import/unit-groups.ts): what ?unit= filters on. */
    unitGroup: text('unit_group'),
    budgetSource: text('budget_source', { enum: ['summary', 'detail', 'none'] }).notNull(),
    listedIn: text('listed_in', { enum: ['summary', 'detail'] }).notNull(),
    detailNumber: integer('detail_number'),
    details: text('details').notNull(),
    searchText: text('search_text').notNull(),
  },
  (t) => [
    uniqueIndex('plan_projects_plan_sequence').on(t.planId, t.sequence),
    index('plan_projects_mission').on(t.missionId),
  ],
);

/** Budget of a project in one Buddhist Era fiscal year, in baht (0 = none). One row per year of the plan. */
export const planBudgets = sqliteTable(
  'plan_budgets',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => planProjects.id, { onDelete: 'cascade' }),
    fiscalYear: integer('fiscal_year').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.fiscalYear] })],
);
