import { expect, it } from 'vitest';
import { createRepositories } from '../../server/db/repositories/index.js';
import { axeViolations, describeInBrowser, signIn } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

describeInBrowser('administration', () => {
  const session = useBrowserSession();

  it('an admin adds a closure, and a week already open elsewhere shades it without reloading', async () => {
    const watcher = await session.open();
    await signIn(watcher, 'lead-1944@demo.test', '/week?week=2026-11-16');
    await watcher.getByTestId('week-calendar').waitFor();
    const before = await watcher.locator('[data-closure-id]').count();

    const admin = await session.open();
    await signIn(admin, 'admin@demo.test', '/admin/closures');
    await admin.getByRole('button', { name: 'Add a closure' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Reason').selectOption('maintenance');
    await dialog.getByLabel('Note').fill('Carpet cleaning');
    await dialog.getByRole('radio', { name: 'Only some spaces' }).check();
    await dialog.getByRole('checkbox', { name: 'Library', exact: true }).check();
    await dialog.getByLabel('First day').fill('2026-11-18');
    await dialog.getByLabel('Last day').fill('2026-11-18');
    expect(await axeViolations(admin)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => admin.locator('.admin-notice').textContent()).toMatch(/Closure added/);
    expect(await axeViolations(admin)).toEqual([]);

    const closure = createRepositories(session.server.db)
      .closures.listByCampus(session.server.campusId, false)
      .find((c) => c.note === 'Carpet cleaning');
    expect(closure?.spaceIds).toEqual([session.server.spaceId('Library')]);
    await expect.poll(() => watcher.locator(`[data-closure-id="${closure!.id}"]`).count()).toBeGreaterThan(0);
    expect(await watcher.locator('[data-closure-id]').count()).toBeGreaterThan(before);
    await expect.poll(() => watcher.getByText(/Carpet cleaning/).count()).toBeGreaterThan(0);
  });

  it('every administration screen is accessible, for the admin and the principal', async () => {
    const admin = await session.open();
    await signIn(admin, 'admin@demo.test', '/admin/schools');
    for (const section of ['schools', 'spaces', 'closures', 'members']) {
      await admin.goto(`/admin/${section}`);
      await admin.getByRole('heading', { level: 1 }).waitFor();
      expect(await axeViolations(admin), section).toEqual([]);
    }
    await admin.goto('/admin/spaces');
    await admin.getByRole('button', { name: /^Add a space/ }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => admin.getByRole('dialog').locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    expect(await axeViolations(admin), 'space form with errors').toEqual([]);

    const principal = await session.open({ viewport: { width: 375, height: 740 } });
    await signIn(principal, 'principal@demo.test', '/admin');
    await principal.waitForURL(/\/admin\/spaces/);
    const sections = principal.getByRole('navigation', { name: /Administration/ }).getByRole('link');
    await expect.poll(() => sections.allTextContents()).toEqual(['Spaces', 'Closures']);
    await principal.goto('/admin/members');
    await expect.poll(() => principal.getByRole('heading', { level: 1 }).textContent()).toBe("You don't have access");
  });
});
