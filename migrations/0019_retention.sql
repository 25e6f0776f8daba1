ALTER TABLE `complaint_events` ADD `erased_note_sha256` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `erase_after` integer;--> statement-breakpoint
ALTER TABLE `complaints` ADD `erased_at` integer;--> statement-breakpoint
ALTER TABLE `complaints` ADD `erase_requested_at` integer;--> statement-breakpoint
CREATE INDEX `complaints_erase_due` ON `complaints` (`erase_after`) WHERE erase_after is not null and erased_at is null;--> statement-breakpoint
ALTER TABLE `staff_settings` ADD `retention_days_grievance` integer DEFAULT 365 NOT NULL;--> statement-breakpoint
ALTER TABLE `staff_settings` ADD `retention_days_corruption` integer DEFAULT 1825 NOT NULL;