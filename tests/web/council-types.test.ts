import type { Static } from 'typebox';
import { describe, expectTypeOf, it } from 'vitest';
import type { AgendaItemRowSchema, AgendaSchema, CouncilSettingsSchema, MeetingSchema, SeriesInputSchema } from '../../server/routes/council/council.schemas.js';
import type { ActionItemSchema } from '../../server/routes/council/minutes.schemas.js';
import type * as Web from '../../web/src/council/council.types.js';

/** web/src/council/council.types.ts copies the server's council schemas: these fail `npm run typecheck` when they drift. */
describe('the Council home’s API types are the server’s', () => {
  it('settings, series, meetings, agenda, action items', () => {
    expectTypeOf<Web.CouncilSettings>().toEqualTypeOf<Static<typeof CouncilSettingsSchema>>();
    expectTypeOf<Web.CouncilSeriesInput>().toEqualTypeOf<Static<typeof SeriesInputSchema>>();
    expectTypeOf<Web.CouncilMeeting>().toEqualTypeOf<Static<typeof MeetingSchema>>();
    expectTypeOf<Web.Agenda>().toEqualTypeOf<Static<typeof AgendaSchema>>();
    expectTypeOf<Web.AgendaItemRow>().toEqualTypeOf<Static<typeof AgendaItemRowSchema>>();
    expectTypeOf<Web.ActionItem>().toEqualTypeOf<Static<typeof ActionItemSchema>>();
  });
});
