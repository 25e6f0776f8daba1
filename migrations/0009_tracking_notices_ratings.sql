-- Tracking one's own case (complaint_owners, track_guards, track_pin_waits: docs/tracking.md), the
-- complainant-notice outbox (docs/staff.md) and the answers to a case's result (case_ratings).
CREATE TABLE `case_ratings` (
	`complaint_id` integer NOT NULL,
	`closed_version` integer NOT NULL,
	`org_id` integer NOT NULL,
	`fixed` integer,
	`score` integer,
	`answered_at` integer,
	`rated_at` integer,
	PRIMARY KEY(`complaint_id`, `closed_version`),
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_ratings_org_rated` ON `case_ratings` (`org_id`,`rated_at`);--> statement-breakpoint
CREATE TABLE `complainant_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`complaint_id` integer NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`source_key` text NOT NULL,
	`await_reply_by` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`batch_id` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`held_since` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complainant_notices_source` ON `complainant_notices` (`org_id`,`source_key`);--> statement-breakpoint
CREATE INDEX `complainant_notices_due` ON `complainant_notices` (`next_attempt_at`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `complainant_notices_case` ON `complainant_notices` (`complaint_id`,`status`);--> statement-breakpoint
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
