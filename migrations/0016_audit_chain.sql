-- A trail auditors can trust (docs/privacy.md, "Audit trail"): every complaint event and every access to a
-- corruption case is sealed, once, into a hash chain per organisation by the cron
-- (worker/audit/seal.ts). Each chain row holds the SHA-256 of its source row's immutable columns and the
-- hash of the row before it; verification recomputes both, so an edited or deleted row is named.
-- No foreign key to the source rows on purpose: deleting a sealed row must stay visible, not impossible.
CREATE TABLE `audit_chain` (
	`org_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`source` text NOT NULL,
	`source_id` integer NOT NULL,
	`row_digest` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	`sealed_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `seq`),
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- A row is sealed once (two overlapping cron runs: the second one's whole batch fails here), and the
-- sealer's watermark (the highest sealed id of a source) is one index lookup.
CREATE UNIQUE INDEX `audit_chain_source` ON `audit_chain` (`source`,`source_id`);--> statement-breakpoint
-- The access log also records reads that are not of one case: a staff list that showed corruption cases
-- and the chain's export, with how many items they showed (`items`). `complaint_id` becomes nullable,
-- which SQLite can only do by rebuilding the table. Nothing references case_views and nothing is sealed
-- yet, so the ids are copied as they are.
CREATE TABLE `case_views_new` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`complaint_id` integer,
	`staff_id` integer NOT NULL,
	`via` text NOT NULL,
	`items` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_members`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `case_views_new` (`id`, `org_id`, `complaint_id`, `staff_id`, `via`, `at`)
	SELECT `id`, `org_id`, `complaint_id`, `staff_id`, `via`, `at` FROM `case_views`;--> statement-breakpoint
DROP TABLE `case_views`;--> statement-breakpoint
ALTER TABLE `case_views_new` RENAME TO `case_views`;--> statement-breakpoint
CREATE INDEX `case_views_org_time` ON `case_views` (`org_id`,`at`);
