-- An anonymous reporter may choose not to be reached in LINE at all (docs/privacy.md): no LINE user id in
-- the vault, no complainant notices, followed by code + PIN only. Every earlier complaint was reachable.
ALTER TABLE `complaints` ADD `reach_in_line` integer DEFAULT true NOT NULL;
