import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRepositories } from '../../server/db/repositories/index.js';
import { axeViolations, describeInBrowser, signIn } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

describeInBrowser("the building's week", () => {
  const session = useBrowserSession();

  /** A demo occurrence of the week of 2026-11-30, with its campus wall-clock start. */
  function occurrenceOfTheWeek() {
    const repos = createRepositories(session.server.db);
    const rows = repos.occurrences.listInRange({
      campusId: session.server.campusId,
      fromUtc: Date.parse('2026-12-01T08:00:00Z'),
      toUtc: Date.parse('2026-12-02T08:00:00Z'),
      includeCancelled: false,
    });
    return rows.find((o) => Number(o.localStart.slice(11, 13)) >= 13) ?? rows[0]!;
  }

  const wallTime = (local: string) => {
    const [h, m] = local.slice(11, 16).split(':').map(Number);
    return `${((h! + 11) % 12) + 1}:${String(m).padStart(2, '0')}`;
  };

  async function eventText(page: Page, occurrenceId: number): Promise<string> {
    const box = page.locator(`[data-occurrence-id="${occurrenceId}"]`).first();
    await box.waitFor();
    return (await box.getByRole('button').getAttribute('aria-label')) ?? (await box.textContent()) ?? '';
  }

  it('shows campus (Los Angeles) times in a browser set to Tokyo, and opens a booking’s details', async () => {
    const page = await session.open({ timezoneId: 'Asia/Tokyo' });
    await signIn(page, 'viewer@demo.test', '/week?week=2026-11-30&view=space');
    const occurrence = occurrenceOfTheWeek();
    const text = await eventText(page, occurrence.occurrenceId);
    expect(text).toContain(wallTime(occurrence.localStart));
    expect(text.trim()).toMatch(/^\d{4}/); // the school's code comes first

    await page.locator(`[data-occurrence-id="${occurrence.occurrenceId}"]`).first().getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('link', { name: 'Open booking' }).getAttribute('href')).toBe(`/bookings/${occurrence.bookingId}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('by school, week by week, in Spanish, accessible on every view', async () => {
    const page = await session.open();
    await signIn(page, 'lead-1931@demo.test', '/week?week=2026-11-16');
    expect(await axeViolations(page), 'by space').toEqual([]);
    await page.getByRole('button', { name: 'By school' }).click();
    await page.waitForURL(/view=school/);
    await page.locator('[data-occurrence-id]').first().waitFor();
    expect(await axeViolations(page), 'by school').toEqual([]);
    await page.getByRole('button', { name: /Next week/ }).click();
    await page.waitForURL(/week=2026-11-23/);
    await expect.poll(() => page.getByText(/Thanksgiving/).count()).toBeGreaterThan(0);

    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('es');
    await expect.poll(() => page.getByRole('button', { name: 'Por escuela' }).count()).toBe(1);
    expect(await axeViolations(page), 'Spanish').toEqual([]);
  });

  it('on a phone it shows one day at a time', async () => {
    const page = await session.open({ viewport: { width: 375, height: 740 } });
    await signIn(page, 'lead-1931@demo.test', '/week?week=2026-11-30');
    await page.getByTestId('week-calendar').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Day', pressed: true }).count()).toBe(1);
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
