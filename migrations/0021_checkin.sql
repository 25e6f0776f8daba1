ALTER TABLE `complaints` ADD `related_complaint_id` integer;--> statement-breakpoint
ALTER TABLE `staff_settings` ADD `checkin_days` integer DEFAULT 28 NOT NULL;