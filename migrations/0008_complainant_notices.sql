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
CREATE INDEX `complainant_notices_case` ON `complainant_notices` (`complaint_id`,`status`);