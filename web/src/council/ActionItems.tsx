/**
 * The council's open action items (they stay on every agenda until done): what, the owner
 * school, the due date and the status. The list comes from the minutes API; where that is not
 * there yet (404 route.not_found), the section says so instead of failing the page.
 */
import { ApiError } from '../api/client.js';
import { campus, schools } from '../app/campus.state.js';
import { errorText } from '../app/error-text.js';
import { ErrorMessage, Loading } from '../app/Status.js';
import { formatDate } from '../i18n/format.js';
import { useT } from '../i18n/i18n.js';
import { useFresh } from './council.hooks.js';
import { listOpenActionItems } from './council.service.js';
import { SchoolName } from './MeetingRoles.js';

export function ActionItems() {
  const t = useT();
  const campusId = campus.value!.id;
  const found = useFresh(`action-items/${campusId}`, () => listOpenActionItems(campusId));
  const missing = found.error instanceof ApiError && found.error.code === 'route.not_found';
  const items = found.data ? [...found.data].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id - b.id) : null;

  let body;
  if (missing) body = <p class="muted">{t('council.actions.unavailable')}</p>;
  else if (items === null) body = found.error ? <ErrorMessage message={errorText(found.error)} /> : <Loading />;
  else if (items.length === 0) body = <p class="muted">{t('council.actions.none')}</p>;
  else {
    body = (
      <table class="council-table">
        <thead>
          <tr>
            <th scope="col">{t('council.actions.what')}</th>
            <th scope="col">{t('council.actions.owner')}</th>
            <th scope="col">{t('council.actions.due')}</th>
            <th scope="col">{t('council.actions.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.id}>
              <td>{a.what}</td>
              <td>
                <SchoolName schoolId={schools.value.some((s) => s.id === a.ownerSchoolId) ? a.ownerSchoolId : null} />
              </td>
              <td>{a.dueDate ? formatDate(a.dueDate) : t('council.actions.noDue')}</td>
              <td>{t(`council.actions.statuses.${a.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  return (
    <section class="council-section" aria-labelledby="council-actions-heading">
      <h2 id="council-actions-heading">{t('council.actions.heading')}</h2>
      {body}
    </section>
  );
}
