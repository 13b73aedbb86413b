import type { Static, TSchema } from 'typebox';
import { describe, expectTypeOf, it } from 'vitest';
import type * as Web from '../../web/src/api/types.js';
import type { MeSchema } from '../../server/routes/auth/me.schemas.js';
import type { AnalysisSchema } from '../../server/routes/bookings/analysis.schemas.js';
import type { BookingInputSchema, BookingSchema, BookingSummarySchema } from '../../server/routes/bookings/bookings.schemas.js';
import type { CampusSchema } from '../../server/routes/campuses/campuses.schemas.js';
import type { ClosureSchema } from '../../server/routes/closures/closures.schemas.js';
import type { SchoolSchema } from '../../server/routes/schools/schools.schemas.js';
import type { SpaceSchema } from '../../server/routes/spaces/spaces.schemas.js';

/**
 * web/src/api/types.ts is a copy of the server's response schemas (the SPA does not import
 * server code). These compile-time checks make `npm run typecheck` fail when the two drift.
 */
type Server<S extends TSchema> = Static<S>;

describe('the SPA’s API types are the server’s', () => {
  it('campus, schools, spaces, closures, me', () => {
    expectTypeOf<Web.Campus>().toEqualTypeOf<Server<typeof CampusSchema>>();
    expectTypeOf<Web.School>().toEqualTypeOf<Server<typeof SchoolSchema>>();
    expectTypeOf<Web.Space>().toEqualTypeOf<Server<typeof SpaceSchema>>();
    expectTypeOf<Web.Closure>().toEqualTypeOf<Server<typeof ClosureSchema>>();
    expectTypeOf<Web.Me>().toEqualTypeOf<Server<typeof MeSchema>>();
  });

  it('bookings, their input and the conflict analysis', () => {
    expectTypeOf<Web.Booking>().toEqualTypeOf<Server<typeof BookingSchema>>();
    expectTypeOf<Web.BookingSummary>().toEqualTypeOf<Server<typeof BookingSummarySchema>>();
    expectTypeOf<Web.BookingInput>().toEqualTypeOf<Server<typeof BookingInputSchema>>();
    expectTypeOf<Web.Analysis>().toEqualTypeOf<Server<typeof AnalysisSchema>>();
  });
});
