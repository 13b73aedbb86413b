import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, describeInBrowser, signIn } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

describeInBrowser('signing in, roles and language', () => {
  const session = useBrowserSession();
  let page: Page;
  const fresh = async () => (page = await session.open());

  it('asks for a session, refuses a wrong password clearly, and is accessible', async () => {
    await fresh();
    await page.goto('/week');
    await page.waitForURL(/\/signin\?next=%2Fweek/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('E-mail').fill('lead-1931@demo.test');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong e-mail or password');
  });

  it('a lead signs in, sees the booking screens, and signs out', async () => {
    await fresh();
    await signIn(page, 'lead-1931@demo.test');
    await page.waitForURL(/\/week/);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(['Building week', 'Book a space', "My school's bookings", 'Council']);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await page.goto('/week');
    await page.waitForURL(/\/signin/);
  });

  it('a viewer reads the week but is told they have no access to booking and administration', async () => {
    await fresh();
    await signIn(page, 'viewer@demo.test');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(['Building week', 'Council']);
    for (const path of ['/book', '/bookings', '/admin', '/admin/members']) {
      await page.goto(path);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe("You don't have access");
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/no-such-page');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('switches to Spanish at any time, and keeps it after a reload', async () => {
    await fresh();
    await signIn(page, 'lead-1931@demo.test');
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('es');
    const nav = page.getByRole('navigation', { name: 'Principal' });
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(['Semana del edificio', 'Reservar un espacio', 'Reservas de mi escuela', 'Consejo']);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Cerrar sesión' }).count()).toBe(1);
  });
});
