-- Who a corruption tip is about, by role (docs/staff.md, "Who is involved"): the executive, the clerk, a
-- council member, staff of a unit (and which unit), a contractor, someone else. It decides who must not see
-- the case: executives when the executive is named, that unit's members when a unit is named. Earlier
-- complaints named nobody (null: no one is kept out).
ALTER TABLE `complaints` ADD `involved_role` text;
--> statement-breakpoint
ALTER TABLE `complaints` ADD `involved_unit_id` integer REFERENCES units(id) ON DELETE set null;
--> statement-breakpoint
-- An integrity officer who declares a conflict of interest on a case (recusal) loses access to it at once.
CREATE TABLE `case_recusals` (
	`complaint_id` integer NOT NULL,
	`staff_id` integer NOT NULL,
	`org_id` integer NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`complaint_id`, `staff_id`),
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_members`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`org_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
