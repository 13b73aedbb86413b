import { expect, it } from 'vitest';
import { createRepositories } from '../../server/db/repositories/index.js';
import { axeViolations, describeInBrowser, signIn } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

describeInBrowser("a school's own bookings, and the others'", () => {
  const session = useBrowserSession();

  function firstBookingOf(code: string): number {
    const repos = createRepositories(session.server.db);
    const rows = repos.bookings.listByCampus({ campusId: session.server.campusId, schoolId: session.server.schoolId(code), status: 'active' });
    const recurring = rows.find((r) => r.booking.rrule !== null && r.activeOccurrences > 5);
    if (!recurring) throw new Error(`the demo has no recurring booking of ${code}`);
    return recurring.booking.id;
  }

  it('a lead sees their series and cancels one date of one', async () => {
    const page = await session.open();
    await signIn(page, 'lead-1931@demo.test', '/bookings');
    await expect.poll(() => page.getByRole('link', { name: /^Details of/ }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);

    const id = firstBookingOf('1931');
    await page.goto(`/bookings/${id}`);
    const cancelButtons = page.getByRole('button', { name: /^Cancel…/ });
    await expect.poll(() => cancelButtons.count()).toBeGreaterThan(0);
    await cancelButtons.first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Only this date' }).check();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel this date' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'The date was cancelled' }).count()).toBe(1);
    const occurrences = createRepositories(session.server.db).occurrences.byBooking(id);
    expect(occurrences.filter((o) => o.status === 'cancelled')).toHaveLength(1);
    await page.getByRole('radio', { name: /^Cancelled/ }).check();
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'Cancelled on' }).count()).toBe(1);
  });

  it("a lead cannot touch another school's booking: no controls, and the server refuses", async () => {
    const page = await session.open();
    await signIn(page, 'lead-1931@demo.test');
    const theirs = firstBookingOf('1944');
    await page.goto(`/bookings/${theirs}`);
    await expect.poll(() => page.getByText(/This booking belongs to Health Academy/).count()).toBe(1);
    expect(await page.getByRole('button', { name: /Cancel/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /Edit/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // Straight to the API with the lead's own session and CSRF token: refused, nothing changes.
    const statuses = await page.evaluate(async (bookingId) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const csrf = { 'x-csrf-token': me.csrfToken };
      const patch = await fetch(`/api/bookings/${bookingId}`, { method: 'PATCH', headers: { ...csrf, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Taken over' }) });
      const cancel = await fetch(`/api/bookings/${bookingId}?scope=series`, { method: 'DELETE', headers: csrf });
      return [patch.status, cancel.status];
    }, theirs);
    expect(statuses).toEqual([403, 403]);
    const after = createRepositories(session.server.db).bookings.get(theirs)!;
    expect(after.title).not.toBe('Taken over');
    expect(after.status).toBe('active');
  });
});
