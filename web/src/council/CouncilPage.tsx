/**
 * The Council home (/council): the next meeting with its agenda, the open action items and the
 * past meetings; or, before the campus has a meeting series, a way to set one up. Every role
 * reads it; council members (a school's lead, council member or the principal) change the
 * agenda. Refetches when the campus's revision ticks: council changes are live events. At the
 * foot, the council's settings (the administrator and the principal change them).
 */
import { campus } from '../app/campus.state.js';
import { errorText } from '../app/error-text.js';
import { ErrorMessage, Loading } from '../app/Status.js';
import { useScreen } from '../app/useScreen.js';
import { campusNow } from '../i18n/format.js';
import { useT, registerDictionary } from '../i18n/i18n.js';
import { can, membership } from '../session/session.state.js';
import { ActionItems } from './ActionItems.js';
import { councilSchoolsOf, nextMeeting, pastMeetings } from './council-home.js';
import { useFresh } from './council.hooks.js';
import { listMeetings } from './council.service.js';
import { NextMeeting } from './NextMeeting.js';
import { PastMeetings } from './PastMeetings.js';
import { SeriesSetup } from './SeriesSetup.js';
import { SettingsPanel } from './SettingsPanel.js';
import './council.css';
import { councilText } from './council.i18n.js';
import { bookingText } from '../booking/booking.i18n.js';

// This page loads on demand: its words come with it (web/src/i18n/i18n.ts).
registerDictionary('council', councilText);
registerDictionary('booking', bookingText);

export function CouncilPage() {
  const t = useT();
  useScreen('council', t('council.title'));
  const campusValue = campus.value!;
  const meetings = useFresh(`meetings/${campusValue.id}`, () => listMeetings(campusValue.id));
  const mySchools = councilSchoolsOf(membership.value?.schools ?? []);
  const now = campusNow(campusValue.timeZone);

  let body;
  if (meetings.data === null) body = meetings.error ? <ErrorMessage message={errorText(meetings.error)} /> : <Loading />;
  else if (meetings.data.length === 0) {
    body = (
      <>
        <p class="info">{t('council.noSeries.body')}</p>
        {can.manageFacilities.value ? <SeriesSetup onCreated={() => void meetings.reload()} /> : <p class="muted">{t('council.noSeries.askManager')}</p>}
      </>
    );
  } else {
    const next = nextMeeting(meetings.data, now);
    body = (
      <>
        {next ? (
          <NextMeeting key={next.id} meeting={next} mySchools={mySchools} />
        ) : (
          <p class="card council-section">{t('council.next.none')}</p>
        )}
        <ActionItems />
        <PastMeetings meetings={pastMeetings(meetings.data, now)} />
      </>
    );
  }

  return (
    <div class="council">
      <h1 tabIndex={-1}>{t('council.title')}</h1>
      <p class="muted">{t('council.intro')}</p>
      {meetings.data !== null && meetings.data.length > 0 && mySchools.length === 0 && <p class="muted">{t('council.readOnly')}</p>}
      {body}
      <SettingsPanel />
    </div>
  );
}
