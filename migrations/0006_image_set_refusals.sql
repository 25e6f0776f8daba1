CREATE TABLE `image_set_refusals` (
	`org_id` integer NOT NULL,
	`image_set_id` text NOT NULL,
	`source_ref` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `image_set_id`, `source_ref`),
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `image_set_refusals_created` ON `image_set_refusals` (`created_at`);