DROP INDEX `occurrences_space_start`;--> statement-breakpoint
CREATE INDEX `occurrences_space_start_end` ON `occurrences` (`space_id`,`start_utc`,`end_utc`) WHERE "occurrences"."status" = 'active';--> statement-breakpoint
CREATE INDEX `occurrences_space_duration` ON `occurrences` (`space_id`,("end_utc" - "start_utc")) WHERE "occurrences"."status" = 'active';