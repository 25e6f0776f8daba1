ALTER TABLE `complaints` ADD `plan_key` text;--> statement-breakpoint
ALTER TABLE `complaints` ADD `plan_project_seq` integer;