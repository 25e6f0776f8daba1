-- Tracking one's own case (docs/tracking.md). Hand-written: drizzle's snapshot chain is regenerated when
-- the parallel 0008 lands.
CREATE TABLE `complaint_owners` (
	`complaint_id` integer PRIMARY KEY NOT NULL,
	`org_id` integer NOT NULL,
	`owner_key` text NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `complaint_owners_org_owner` ON `complaint_owners` (`org_id`,`owner_key`);--> statement-breakpoint
CREATE TABLE `track_guards` (
	`org_id` integer NOT NULL,
	`guard_key` text NOT NULL,
	`failures` integer NOT NULL,
	`window_start` integer NOT NULL,
	`locked_until` integer,
	PRIMARY KEY(`org_id`, `guard_key`),
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `track_guards_window` ON `track_guards` (`window_start`);--> statement-breakpoint
CREATE TABLE `track_pin_waits` (
	`org_id` integer NOT NULL,
	`person_key` text NOT NULL,
	`code` text NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `person_key`),
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
