CREATE TABLE `scheduled_runs` (
	`job` text NOT NULL,
	`period` text NOT NULL,
	`org_id` integer NOT NULL,
	`recipients` integer,
	`at` integer NOT NULL,
	PRIMARY KEY(`job`, `period`, `org_id`)
);
--> statement-breakpoint
ALTER TABLE `staff_settings` ADD `reminder_policy` text DEFAULT 'daily' NOT NULL;--> statement-breakpoint
CREATE INDEX `complaint_events_org_action` ON `complaint_events` (`org_id`,`action`,`at`);--> statement-breakpoint
CREATE INDEX `complaints_org_created` ON `complaints` (`org_id`,`created_at`);