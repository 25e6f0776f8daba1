CREATE TABLE `case_ratings` (
	`complaint_id` integer NOT NULL,
	`closed_version` integer NOT NULL,
	`org_id` integer NOT NULL,
	`fixed` integer,
	`score` integer,
	`answered_at` integer,
	`rated_at` integer,
	PRIMARY KEY(`complaint_id`, `closed_version`),
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_ratings_org_rated` ON `case_ratings` (`org_id`,`rated_at`);