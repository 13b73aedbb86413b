CREATE TABLE `campuses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`time_zone` text NOT NULL,
	`year_start` text NOT NULL,
	`year_end` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`archived_at` integer
);
--> statement-breakpoint
CREATE TABLE `closures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campus_id` integer NOT NULL,
	`reason` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`all_day` integer NOT NULL,
	`local_start` text NOT NULL,
	`local_end` text NOT NULL,
	`start_utc` integer NOT NULL,
	`end_utc` integer NOT NULL,
	`space_ids` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`archived_at` integer,
	FOREIGN KEY (`campus_id`) REFERENCES `campuses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `closures_campus_range` ON `closures` (`campus_id`,`start_utc`);--> statement-breakpoint
CREATE TABLE `schools` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campus_id` integer NOT NULL,
	`name` text NOT NULL,
	`location_code` text NOT NULL,
	`kind` text NOT NULL,
	`enrollment` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`archived_at` integer,
	FOREIGN KEY (`campus_id`) REFERENCES `campuses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `schools_campus_code` ON `schools` (`campus_id`,`location_code`);--> statement-breakpoint
CREATE TABLE `spaces` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campus_id` integer NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`capacity` integer NOT NULL,
	`parent_id` integer,
	`setup_minutes` integer DEFAULT 0 NOT NULL,
	`teardown_minutes` integer DEFAULT 0 NOT NULL,
	`open_hours` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`archived_at` integer,
	FOREIGN KEY (`campus_id`) REFERENCES `campuses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `spaces_campus` ON `spaces` (`campus_id`);--> statement-breakpoint
CREATE INDEX `spaces_parent` ON `spaces` (`parent_id`);--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campus_id` integer NOT NULL,
	`space_id` integer NOT NULL,
	`school_id` integer NOT NULL,
	`title` text NOT NULL,
	`purpose` text DEFAULT '' NOT NULL,
	`attendees` integer NOT NULL,
	`local_start` text NOT NULL,
	`local_end` text NOT NULL,
	`rrule` text,
	`exdates` text NOT NULL,
	`status` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`split_from_id` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`cancelled_by` integer,
	`cancelled_at` integer,
	FOREIGN KEY (`campus_id`) REFERENCES `campuses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`space_id`) REFERENCES `spaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bookings_campus` ON `bookings` (`campus_id`);--> statement-breakpoint
CREATE INDEX `bookings_school` ON `bookings` (`school_id`);--> statement-breakpoint
CREATE TABLE `occurrences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`booking_id` integer NOT NULL,
	`campus_id` integer NOT NULL,
	`space_id` integer NOT NULL,
	`school_id` integer NOT NULL,
	`original_local_start` text NOT NULL,
	`local_start` text NOT NULL,
	`local_end` text NOT NULL,
	`start_utc` integer NOT NULL,
	`end_utc` integer NOT NULL,
	`status` text NOT NULL,
	`is_exception` integer DEFAULT false NOT NULL,
	`title` text,
	`attendees` integer,
	`cancelled_by` integer,
	`cancelled_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `occurrences_space_start` ON `occurrences` (`space_id`,`start_utc`) WHERE "occurrences"."status" = 'active';--> statement-breakpoint
CREATE INDEX `occurrences_campus_start` ON `occurrences` (`campus_id`,`start_utc`);--> statement-breakpoint
CREATE INDEX `occurrences_booking` ON `occurrences` (`booking_id`,`original_local_start`);