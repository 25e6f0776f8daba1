ALTER TABLE `line_channels` ADD `resident_rich_menu_id` text;--> statement-breakpoint
ALTER TABLE `line_channels` ADD `staff_rich_menu_id` text;--> statement-breakpoint
ALTER TABLE `line_channels` ADD `rich_menu_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `line_channels` ADD `rich_menu_tried_at` integer;