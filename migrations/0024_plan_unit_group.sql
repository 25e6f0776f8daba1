ALTER TABLE `plan_projects` ADD `unit_group` text;--> statement-breakpoint
-- Plans loaded before unit groups keep their written unit as its own group until they are reloaded.
UPDATE `plan_projects` SET `unit_group` = `unit` WHERE `unit_group` IS NULL;
