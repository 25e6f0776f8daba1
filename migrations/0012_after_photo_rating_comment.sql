-- "Was it really fixed?" (docs/staff.md, "Satisfaction"): staff may attach an "after" photo when they
-- close a grievance as resolved, sent to the complainant with the result; and a complainant may add a
-- comment to their rating. `purpose` tells a staff after photo from the complainant's evidence (which
-- alone counts towards the files a complainant may add); `closing_event_id` is the `closed` event the
-- photo went out with (null until the closing is written).
ALTER TABLE `complaint_attachments` ADD `purpose` text DEFAULT 'evidence' NOT NULL;--> statement-breakpoint
ALTER TABLE `complaint_attachments` ADD `closing_event_id` integer;--> statement-breakpoint
ALTER TABLE `case_ratings` ADD `comment` text;--> statement-breakpoint
ALTER TABLE `case_ratings` ADD `commented_at` integer;--> statement-breakpoint
-- The window after a rating in which the person's next text is its comment (30 minutes), keyed by a
-- keyed hash (purpose `rating-comment-person`), never the LINE user id; one per person at a time.
CREATE TABLE `rating_comment_waits` (
	`org_id` integer NOT NULL,
	`person_key` text NOT NULL,
	`complaint_id` integer NOT NULL,
	`closed_version` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `person_key`),
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `rating_comment_waits_expires` ON `rating_comment_waits` (`expires_at`);
--> statement-breakpoint
-- After photos whose closing never happened (a cancelled prompt): the cron finds them without a scan.
CREATE INDEX `complaint_attachments_unsent_after` ON `complaint_attachments` (`created_at`) WHERE `purpose` = 'after' AND `closing_event_id` IS NULL;
