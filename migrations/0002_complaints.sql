CREATE TABLE `complaint_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` integer NOT NULL,
	`draft_id` text,
	`complaint_id` integer,
	`source_ref` text NOT NULL,
	`kind` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`r2_key` text NOT NULL,
	`metadata_removed_bytes` integer DEFAULT 0 NOT NULL,
	`image_set_id` text,
	`image_set_index` integer,
	`image_set_total` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`draft_id`) REFERENCES `complaint_drafts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaint_attachments_draft_source` ON `complaint_attachments` (`draft_id`,`source_ref`);--> statement-breakpoint
CREATE INDEX `complaint_attachments_complaint` ON `complaint_attachments` (`complaint_id`);--> statement-breakpoint
CREATE TABLE `complaint_categories` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`track` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`unit_id` integer,
	`sort` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaint_categories_org_code` ON `complaint_categories` (`org_id`,`code`);--> statement-breakpoint
CREATE INDEX `complaint_categories_org_track` ON `complaint_categories` (`org_id`,`track`,`sort`);--> statement-breakpoint
CREATE TABLE `complaint_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` integer NOT NULL,
	`person_key` text NOT NULL,
	`state` text NOT NULL,
	`step` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`data` text NOT NULL,
	`name_sealed` text,
	`phone_sealed` text,
	`paused` integer DEFAULT false NOT NULL,
	`receipt_sealed` text,
	`created_at` integer NOT NULL,
	`last_active_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaint_drafts_active_person` ON `complaint_drafts` (`org_id`,`person_key`) WHERE state = 'active';--> statement-breakpoint
CREATE INDEX `complaint_drafts_state_time` ON `complaint_drafts` (`state`,`last_active_at`);--> statement-breakpoint
CREATE TABLE `complaint_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_ref` text NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `complaint_events_complaint` ON `complaint_events` (`complaint_id`,`at`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`code` text NOT NULL,
	`submission_key` text NOT NULL,
	`track` text NOT NULL,
	`category_id` integer NOT NULL,
	`unit_id` integer,
	`status` text DEFAULT 'received' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`description` text NOT NULL,
	`place_text` text,
	`place_address` text,
	`latitude` real,
	`longitude` real,
	`occurred_on` text,
	`occurred_text` text,
	`involved` text,
	`identity_mode` text NOT NULL,
	`vault_id` text NOT NULL,
	`pin_hash` text,
	`channel` text NOT NULL,
	`acknowledge_due_on` text NOT NULL,
	`result_due_on` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`category_id`) REFERENCES `complaint_categories`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`vault_id`) REFERENCES `identity_vault`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_org_code` ON `complaints` (`org_id`,`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_org_submission` ON `complaints` (`org_id`,`submission_key`);--> statement-breakpoint
CREATE INDEX `complaints_org_status` ON `complaints` (`org_id`,`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `holidays` (
	`date` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `identity_vault` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` integer NOT NULL,
	`kind` text NOT NULL,
	`sealed` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`handles_integrity` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_org_code` ON `units` (`org_id`,`code`);