import type { Static } from 'typebox';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AmendmentSchema,
  AttendanceSheetSchema,
  CloseMeetingSchema,
  MeetingStateSchema,
  MinutesSchema,
  MotionInputSchema,
  MotionSchema,
  NotesSchema,
} from '../../server/routes/council/minutes.schemas.js';
import type * as Web from '../../web/src/council/meeting/meeting.types.js';

/** web/src/council/meeting/meeting.types.ts copies the server's minutes schemas: these fail `npm run typecheck` when they drift. */
describe('the Meeting room’s API types are the server’s', () => {
  it('meeting state, attendance, minutes, motions, notes, amendments', () => {
    expectTypeOf<Web.MeetingState>().toEqualTypeOf<Static<typeof MeetingStateSchema>>();
    expectTypeOf<Web.ClosedMeeting>().toEqualTypeOf<Static<typeof CloseMeetingSchema>>();
    expectTypeOf<Web.AttendanceSheet>().toEqualTypeOf<Static<typeof AttendanceSheetSchema>>();
    expectTypeOf<Web.Motion>().toEqualTypeOf<Static<typeof MotionSchema>>();
    expectTypeOf<Web.MotionInput>().toEqualTypeOf<Static<typeof MotionInputSchema>>();
    expectTypeOf<Web.NotesSaved>().toEqualTypeOf<Static<typeof NotesSchema>>();
    expectTypeOf<Web.Amendment>().toEqualTypeOf<Static<typeof AmendmentSchema>>();
    expectTypeOf<Web.Minutes>().toEqualTypeOf<Static<typeof MinutesSchema>>();
  });
});
