-- 0006 refuses to update or add to locked minutes; removing a row changes them just as much.
-- Nothing in Commons deletes these rows, so the triggers only stop code that should not run.
-- Action items are left out on purpose: they are followed up (done, reassigned) after their
-- minutes are locked, and the use cases keep their wording as approved.
CREATE TRIGGER `attendance_locked_delete` BEFORE DELETE ON `attendance` WHEN (SELECT `minutes_status` FROM `meetings` WHERE `occurrence_id` = OLD.`meeting_id`) = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
--> statement-breakpoint
CREATE TRIGGER `motions_locked_delete` BEFORE DELETE ON `motions` WHEN (SELECT `minutes_status` FROM `meetings` WHERE `occurrence_id` = OLD.`meeting_id`) = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
--> statement-breakpoint
CREATE TRIGGER `votes_locked_delete` BEFORE DELETE ON `votes` WHEN (SELECT m.`minutes_status` FROM `meetings` m JOIN `motions` x ON x.`meeting_id` = m.`occurrence_id` WHERE x.`id` = OLD.`motion_id`) = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
--> statement-breakpoint
CREATE TRIGGER `meetings_locked_delete` BEFORE DELETE ON `meetings` WHEN OLD.`minutes_status` = 'locked' BEGIN SELECT RAISE(ABORT, 'the minutes of this meeting are locked'); END;
