CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campus_id` integer NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`school_id` integer,
	`data` text
);
--> statement-breakpoint
CREATE INDEX `events_campus_id` ON `events` (`campus_id`,`id`);--> statement-breakpoint
CREATE INDEX `events_at` ON `events` (`at`);