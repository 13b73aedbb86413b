/**
 * Routes. Every screen but sign-in needs a session; a screen a role may not use says so
 * ("you don't have access") rather than failing at the first request.
 */
import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import { ErrorBoundary, lazy, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { WeekPage } from '../calendar/WeekPage.js';
import { useT } from '../i18n/i18n.js';
import { SignInPage } from '../session/SignInPage.js';
import { can, loadSession, me, selectedCampusId, sessionError } from '../session/session.state.js';
import { campus, loadError, retryCampus } from './campus.state.js';
import { errorText } from './error-text.js';
import { Shell } from './Shell.js';
import { ErrorMessage, Loading, NoAccess, NoCampus, NotFound } from './Status.js';

// Forms and administration load on first use: the week view is what most visits need.
const BookingPage = lazy(() => import('../booking/BookingPage.js').then((m) => m.BookingPage));
const BookingEditPage = lazy(() => import('../booking/BookingEditPage.js').then((m) => m.BookingEditPage));
const MyBookingsPage = lazy(() => import('../my-bookings/MyBookingsPage.js').then((m) => m.MyBookingsPage));
const BookingDetailPage = lazy(() => import('../my-bookings/BookingDetailPage.js').then((m) => m.BookingDetailPage));
const AdminPage = lazy(() => import('../admin/AdminPage.js').then((m) => m.AdminPage));
const CouncilPage = lazy(() => import('../council/CouncilPage.js').then((m) => m.CouncilPage));
const MeetingPage = lazy(() => import('../council/meeting/MeetingPage.js').then((m) => m.MeetingPage));

function Redirect({ to }: { to: string }) {
  const { route } = useLocation();
  useEffect(() => route(to, true), [to]);
  return null;
}

/** The session or the campus could not be loaded: say why, and offer to try again (rather than "Loading…" for ever). */
function Failed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  return (
    <>
      <ErrorMessage message={errorText(error)} />
      <button type="button" onClick={onRetry}>
        {t('app.error.retry')}
      </button>
    </>
  );
}

/** A signed-in screen, shown when the role allows it. */
function guarded(Page: ComponentType<any>, allowed: () => boolean = () => true) {
  return function Guarded(props: Record<string, unknown>) {
    const { url } = useLocation();
    // The frame comes first, even before we know who is asking: the page below it does not jump.
    if (me.value === undefined) return <Shell>{sessionError.value ? <Failed error={sessionError.value} onRetry={() => void loadSession()} /> : <Loading />}</Shell>;
    if (me.value === null) return <Redirect to={`/signin?next=${encodeURIComponent(url)}`} />;
    if (selectedCampusId.value === null) return <Shell><NoCampus /></Shell>;
    if (!campus.value) return <Shell>{loadError.value ? <Failed error={loadError.value} onRetry={retryCampus} /> : <Loading />}</Shell>;
    return <Shell>{allowed() ? <Page {...props} /> : <NoAccess />}</Shell>;
  };
}

const Week = guarded(WeekPage);
const Book = guarded(BookingPage, () => can.book.value);
const EditBooking = guarded(BookingEditPage, () => can.book.value);
const Mine = guarded(MyBookingsPage, () => can.book.value);
const Detail = guarded(BookingDetailPage);
const Admin = guarded(AdminPage, () => can.manageFacilities.value || can.manageMembers.value);
const Council = guarded(CouncilPage);
const Meeting = guarded(MeetingPage);
const Missing = guarded(NotFound);

export function App() {
  return (
    <LocationProvider>
      <ErrorBoundary>
        <Router>
          <Route path="/signin" component={SignInPage} />
          <Route path="/" component={() => <Redirect to="/week" />} />
          <Route path="/week" component={Week} />
          <Route path="/book" component={Book} />
          <Route path="/bookings" component={Mine} />
          <Route path="/bookings/:bookingId" component={Detail} />
          <Route path="/bookings/:bookingId/edit" component={EditBooking} />
          <Route path="/admin/*" component={Admin} />
          <Route path="/admin" component={Admin} />
          <Route path="/council" component={Council} />
          <Route path="/council/meetings/:meetingId" component={Meeting} />
          <Route default component={Missing} />
        </Router>
      </ErrorBoundary>
    </LocationProvider>
  );
}
