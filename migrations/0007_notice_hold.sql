ALTER TABLE `staff_notices` ADD `held_since` integer;--> statement-breakpoint
CREATE INDEX `staff_notices_held` ON `staff_notices` (`org_id`) WHERE held_since is not null and status = 'pending';