CREATE TABLE `action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campus_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`agenda_item_id` integer,
	`what` text NOT NULL,
	`owner_user_id` integer,
	`owner_school_id` integer NOT NULL,
	`due_date` text,
	`status` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`done_at` integer,
	FOREIGN KEY (`campus_id`) REFERENCES `campuses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`occurrence_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_items_campus_status` ON `action_items` (`campus_id`,`status`);--> statement-breakpoint
CREATE TABLE `agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`source` text NOT NULL,
	`source_type` text,
	`source_id` integer,
	`title` text NOT NULL,
	`title_key` text,
	`title_params` text,
	`detail` text DEFAULT '' NOT NULL,
	`detail_lines` text,
	`school_id` integer,
	`submitted_by` integer,
	`minutes` integer NOT NULL,
	`position` integer NOT NULL,
	`merged_into_id` integer,
	`withdrawn_at` integer,
	`notes` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`occurrence_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`meeting_id` integer NOT NULL,
	`school_id` integer NOT NULL,
	`status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `school_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`occurrence_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `council_series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campus_id` integer NOT NULL,
	`booking_id` integer NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`campus_id`) REFERENCES `campuses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `council_series_campus` ON `council_series` (`campus_id`);--> statement-breakpoint
CREATE TABLE `council_settings` (
	`campus_id` integer PRIMARY KEY NOT NULL,
	`quorum_percent` integer NOT NULL,
	`standing_topics` text NOT NULL,
	`submission_deadline_hours` integer NOT NULL,
	`high_impact_attendees` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`campus_id`) REFERENCES `campuses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`occurrence_id` integer PRIMARY KEY NOT NULL,
	`campus_id` integer NOT NULL,
	`series_id` integer NOT NULL,
	`sequence` integer NOT NULL,
	`chair_school_id` integer,
	`note_taker_school_id` integer,
	`status` text NOT NULL,
	`minutes_status` text NOT NULL,
	`agenda_drafted_at` integer,
	`approved_in_id` integer,
	`circulated_at` integer,
	`approved_at` integer,
	`locked_at` integer,
	`opened_at` integer,
	`closed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`occurrence_id`) REFERENCES `occurrences`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campus_id`) REFERENCES `campuses`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`series_id`) REFERENCES `council_series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chair_school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`note_taker_school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_campus_sequence` ON `meetings` (`campus_id`,`sequence`);--> statement-breakpoint
CREATE TABLE `minutes_amendments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`text` text NOT NULL,
	`by_user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`occurrence_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `minutes_amendments_meeting` ON `minutes_amendments` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `motions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`text` text NOT NULL,
	`mover_school_id` integer NOT NULL,
	`seconder_school_id` integer,
	`decision` text,
	`status` text NOT NULL,
	`result` text,
	`yes` integer DEFAULT 0 NOT NULL,
	`no` integer DEFAULT 0 NOT NULL,
	`abstain` integer DEFAULT 0 NOT NULL,
	`applied_at` integer,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`closed_at` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`occurrence_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mover_school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seconder_school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `motions_meeting` ON `motions` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `votes` (
	`motion_id` integer NOT NULL,
	`school_id` integer NOT NULL,
	`vote` text NOT NULL,
	`cast_by` integer NOT NULL,
	`cast_at` integer NOT NULL,
	PRIMARY KEY(`motion_id`, `school_id`),
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`school_id`) REFERENCES `schools`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cast_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
