CREATE TABLE `plan_budgets` (
	`project_id` integer NOT NULL,
	`fiscal_year` integer NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`project_id`, `fiscal_year`),
	FOREIGN KEY (`project_id`) REFERENCES `plan_projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `plan_dimensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`position` integer NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_dimensions_plan_position` ON `plan_dimensions` (`plan_id`,`position`);--> statement-breakpoint
CREATE TABLE `plan_missions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`dimension_id` integer NOT NULL,
	`position` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sub_missions` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dimension_id`) REFERENCES `plan_dimensions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_missions_plan_position` ON `plan_missions` (`plan_id`,`position`);--> statement-breakpoint
CREATE INDEX `plan_missions_dimension` ON `plan_missions` (`dimension_id`);--> statement-breakpoint
CREATE TABLE `plan_projects` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`mission_id` integer NOT NULL,
	`sequence` integer NOT NULL,
	`number` text NOT NULL,
	`ref` text NOT NULL,
	`name` text NOT NULL,
	`summary_name` text,
	`alternate_names` text NOT NULL,
	`kind` text NOT NULL,
	`sub_mission_code` text,
	`unit` text,
	`unit_expanded` text,
	`budget_source` text NOT NULL,
	`listed_in` text NOT NULL,
	`detail_number` integer,
	`details` text NOT NULL,
	`search_text` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mission_id`) REFERENCES `plan_missions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_projects_plan_sequence` ON `plan_projects` (`plan_id`,`sequence`);--> statement-breakpoint
CREATE INDEX `plan_projects_mission` ON `plan_projects` (`mission_id`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`plan_key` text NOT NULL,
	`load_id` text NOT NULL,
	`status` text NOT NULL,
	`title` text,
	`first_year` integer NOT NULL,
	`last_year` integer NOT NULL,
	`fiscal_years` text NOT NULL,
	`numbering` text NOT NULL,
	`stated` text NOT NULL,
	`parsed_totals` text NOT NULL,
	`discrepancies` text NOT NULL,
	`notes` text NOT NULL,
	`source` text,
	`loaded_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_load_id_unique` ON `plans` (`load_id`);--> statement-breakpoint
CREATE INDEX `plans_org_key` ON `plans` (`org_id`,`plan_key`,`status`);