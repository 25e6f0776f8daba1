ALTER TABLE `complaints` ADD `progress_due_on` text;--> statement-breakpoint
CREATE INDEX `complaints_open_progress_due` ON `complaints` (`progress_due_on`,`org_id`) WHERE status not in ('resolved', 'rejected', 'closed');--> statement-breakpoint
-- Open cases filed before this migration get their first progress date: the promised result date.
UPDATE `complaints` SET `progress_due_on` = `result_due_on` WHERE status not in ('resolved', 'rejected', 'closed');
