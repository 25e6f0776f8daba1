-- "ส่งข้อมูลเพิ่มเติม": a complainant adds text or photos to their open case at any time
-- (docs/tracking.md). One row per person and case, keyed by a keyed hash (purpose `case-info-person`):
-- `open` = 0 is the right to start (an anonymous case opened with code and PIN in the chat), `open` = 1
-- is the short window in which the person's next messages are recorded on the case.
CREATE TABLE `case_info_waits` (
	`org_id` integer NOT NULL,
	`person_key` text NOT NULL,
	`complaint_id` integer NOT NULL,
	`open` integer DEFAULT 0 NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `person_key`, `complaint_id`),
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_info_waits_expires` ON `case_info_waits` (`expires_at`);
