CREATE TABLE `plan_publications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`plan_key` text NOT NULL,
	`load_id` text NOT NULL,
	`action` text NOT NULL,
	`staff_id` integer,
	`source` text,
	`title` text,
	`first_year` integer NOT NULL,
	`last_year` integer NOT NULL,
	`projects` integer NOT NULL,
	`budget_total` integer NOT NULL,
	`discrepancies` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `plan_publications_org` ON `plan_publications` (`org_id`,`at`);