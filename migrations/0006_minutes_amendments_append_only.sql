-- Locked minutes never change, whatever code runs against the database: a correction is an
-- amendment, and amendments themselves are append-only.
CREATE TRIGGER `minutes_amendments_no_update` BEFORE UPDATE ON `minutes_amendments` BEGIN SELECT RAISE(ABORT, 'minutes_amendments is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `minutes_amendments_no_delete` BEFORE DELETE ON `minutes_amendments` BEGIN SELECT RAISE(ABORT, 'minutes_amendments is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_locked_update` BEFORE UPDATE ON `agenda_items` WHEN (SELECT `minutes_status` FROM `meetings` WHERE `occurrence_id` = OLD.`meeting_id`) = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_locked_insert` BEFORE INSERT ON `agenda_items` WHEN (SELECT `minutes_status` FROM `meetings` WHERE `occurrence_id` = NEW.`meeting_id`) = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
--> statement-breakpoint
CREATE TRIGGER `agenda_items_locked_delete` BEFORE DELETE ON `agenda_items` WHEN (SELECT `minutes_status` FROM `meetings` WHERE `occurrence_id` = OLD.`meeting_id`) = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
--> statement-breakpoint
CREATE TRIGGER `attendance_locked_update` BEFORE UPDATE ON `attendance` WHEN (SELECT `minutes_status` FROM `meetings` WHERE `occurrence_id` = OLD.`meeting_id`) = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
--> statement-breakpoint
CREATE TRIGGER `attendance_locked_insert` BEFORE INSERT ON `attendance` WHEN (SELECT `minutes_status` FROM `meetings` WHERE `occurrence_id` = NEW.`meeting_id`) = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
--> statement-breakpoint
CREATE TRIGGER `motions_locked_update` BEFORE UPDATE ON `motions` WHEN (SELECT `minutes_status` FROM `meetings` WHERE `occurrence_id` = OLD.`meeting_id`) = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
--> statement-breakpoint
CREATE TRIGGER `motions_locked_insert` BEFORE INSERT ON `motions` WHEN (SELECT `minutes_status` FROM `meetings` WHERE `occurrence_id` = NEW.`meeting_id`) = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
--> statement-breakpoint
CREATE TRIGGER `votes_locked_change` BEFORE UPDATE ON `votes` WHEN (SELECT m.`minutes_status` FROM `meetings` m JOIN `motions` x ON x.`meeting_id` = m.`occurrence_id` WHERE x.`id` = OLD.`motion_id`) = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
--> statement-breakpoint
CREATE TRIGGER `votes_locked_insert` BEFORE INSERT ON `votes` WHEN (SELECT m.`minutes_status` FROM `meetings` m JOIN `motions` x ON x.`meeting_id` = m.`occurrence_id` WHERE x.`id` = NEW.`motion_id`) = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
--> statement-breakpoint
CREATE TRIGGER `meetings_locked_update` BEFORE UPDATE ON `meetings` WHEN OLD.`minutes_status` = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
