import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRepositories } from '../../server/db/repositories/index.js';
import { systemActor } from '../../server/domain/actor.js';
import { listMeetings } from '../../server/usecases/council-meetings.js';
import { axeViolations, describeInBrowser, signIn } from './support/browser.js';
import { useBrowserSession } from './support/session.js';

describeInBrowser('the Building Council', () => {
  const session = useBrowserSession();

  /** The demo council's meetings from the server's own records (the clock starts on Mon 2026-11-16). */
  function meetings() {
    const ctx = { repos: createRepositories(session.server.db), clock: () => Date.now(), actor: systemActor };
    return listMeetings(ctx, session.server.campusId).meetings.filter((m) => m.occurrence.status === 'active');
  }
  const meetingOn = (date: string) => meetings().find((m) => m.occurrence.localStart.startsWith(date))!;

  async function vote(page: Page, code: string, choice: 'Yes' | 'No' | 'Abstain') {
    await page.getByRole('group', { name: new RegExp(`^Vote for ${code}`) }).getByRole('radio', { name: choice }).check();
    await expect.poll(() => page.getByText(new RegExp(`${code}.*voted`)).count()).toBeGreaterThan(0);
  }

  it('a member submits an item; the meeting runs with attendance, a motion voted by three schools and an action item; the minutes are circulated, approved at the next meeting and locked', async () => {
    const tuesday = meetingOn('2026-11-17');
    const following = meetings().find((m) => m.occurrence.startUtc > tuesday.occurrence.startUtc)!;

    // Monday: a lead puts an item on Tuesday's agenda, before the deadline.
    const lead = await session.open();
    await signIn(lead, 'lead-1931@demo.test', '/council');
    await lead.getByLabel('Title').fill('Hallway supervision at lunch');
    await lead.getByRole('button', { name: 'Submit item' }).click();
    await expect.poll(() => lead.getByText('“Hallway supervision at lunch” is on the agenda.').count()).toBe(1);
    expect(await axeViolations(lead), 'council home').toEqual([]);

    // Tuesday's meeting: open it, take attendance.
    await lead.goto(`/council/meetings/${tuesday.occurrence.occurrenceId}`);
    await lead.getByRole('button', { name: 'Open the meeting' }).click();
    await expect.poll(() => lead.getByText(/The meeting is open/).count()).toBe(1);
    for (const code of ['1931', '1944', '1957', '1930', '1962', '1978']) {
      await lead.getByRole('group', { name: new RegExp(`^${code}`) }).getByRole('radio', { name: 'Present', exact: true }).check();
      await expect.poll(() => lead.getByText(new RegExp(`${code}.*: Present\\.`)).count()).toBeGreaterThan(0);
    }

    // A motion on the submitted item, voted by three schools from three browsers.
    const item = lead.getByRole('article').filter({ has: lead.getByRole('heading', { name: /Hallway supervision at lunch/ }) });
    await item.getByRole('button', { name: 'Propose a motion' }).click();
    await item.getByLabel('Motion', { exact: true }).fill('Each school supervises the hallway one week in turn');
    await item.getByRole('radio', { name: 'Adopt a policy' }).check();
    await item.getByLabel('Policy text').fill('Hallway supervision at lunch rotates weekly among the schools.');
    await item.getByRole('button', { name: 'Propose', exact: true }).click();
    await expect.poll(() => lead.getByText('Motion proposed. The vote is open.').count()).toBe(1);
    expect(await axeViolations(lead), 'meeting room in session').toEqual([]);

    await vote(lead, '1931', 'Yes');
    for (const [email, code, choice] of [['lead-1944@demo.test', '1944', 'Yes'], ['lead-1957@demo.test', '1957', 'No']] as const) {
      const other = await session.open();
      await signIn(other, email, `/council/meetings/${tuesday.occurrence.occurrenceId}`);
      await vote(other, code, choice);
    }
    await expect.poll(() => lead.getByText(/So far: yes 2 · no 1/).count(), { timeout: 10_000 }).toBe(1);
    await lead.getByRole('button', { name: 'Close the vote' }).click();
    await expect.poll(() => lead.locator('main').innerText()).toMatch(/Carried: 2 yes, 1 no, 0 abstaining\./);

    // An action item, then close the meeting and circulate its minutes.
    await lead.getByLabel('What is to be done').fill('Draw up the hallway rota');
    await lead.getByLabel('School responsible').selectOption({ label: '1931 Arts & Media SLC' });
    await lead.getByLabel('Person responsible (optional)').selectOption({ label: 'Me (Lead of Arts & Media SLC)' });
    await lead.getByRole('button', { name: 'Add action item' }).click();
    await expect.poll(() => lead.getByText('Action item added: Draw up the hallway rota.').count()).toBe(1);
    const rota = createRepositories(session.server.db).council.actionItemsOf(session.server.campusId).find((a) => a.what === 'Draw up the hallway rota');
    expect(createRepositories(session.server.db).users.get(rota!.ownerUserId!)?.email).toBe('lead-1931@demo.test');
    await lead.getByRole('button', { name: 'Close the meeting' }).click();
    await expect.poll(() => lead.getByText('The meeting is closed.').count()).toBeGreaterThan(0);
    await lead.getByRole('button', { name: 'Circulate the minutes' }).click();
    await expect.poll(() => lead.getByText(/The minutes are circulated/).count()).toBe(1);

    // The following meeting approves them; closing it locks them.
    await lead.goto(`/council/meetings/${following.occurrence.occurrenceId}`);
    await lead.getByRole('button', { name: 'Open the meeting' }).click();
    for (const code of ['1931', '1944', '1957', '1930', '1962', '1978']) {
      await lead.getByRole('group', { name: new RegExp(`^${code}`) }).getByRole('radio', { name: 'Present', exact: true }).check();
      await expect.poll(() => lead.getByText(new RegExp(`${code}.*: Present\\.`)).count()).toBeGreaterThan(0);
    }
    const approval = lead.getByRole('article').filter({ has: lead.getByRole('heading', { name: /Approve the minutes of/ }) });
    await approval.getByRole('button', { name: 'Propose a motion' }).click();
    await approval.getByLabel('Motion', { exact: true }).fill('Approve the minutes of November 17');
    await approval.getByRole('radio', { name: 'Approve earlier minutes' }).check();
    await approval.getByLabel('Minutes of the meeting of').selectOption(String(tuesday.occurrence.occurrenceId));
    await approval.getByRole('button', { name: 'Propose', exact: true }).click();
    await vote(lead, '1931', 'Yes');
    const principal = await session.open();
    await signIn(principal, 'principal@demo.test', `/council/meetings/${following.occurrence.occurrenceId}`);
    await vote(principal, '1930', 'Yes');
    await lead.getByRole('button', { name: 'Close the vote' }).click();
    await expect.poll(() => lead.locator('main').innerText()).toMatch(/Carried: 2 yes, 0 no/);
    await lead.getByRole('button', { name: 'Close the meeting' }).click();
    await expect.poll(() => lead.getByText(/are now locked/).count()).toBe(1);

    const tuesdayAfter = meetingOn('2026-11-17');
    expect(tuesdayAfter.meeting?.minutesStatus).toBe('locked');
    await lead.goto(`/council/meetings/${tuesday.occurrence.occurrenceId}`);
    await expect.poll(() => lead.getByText(/These minutes are approved and locked/).count()).toBe(1);
    expect(await lead.getByRole('textbox', { name: 'Notes' }).count()).toBe(0);
    expect(await axeViolations(lead), 'locked minutes').toEqual([]);
  });

  it('a viewer reads the published agenda in Spanish, and the exports are one click away', async () => {
    const viewer = await session.open({ viewport: { width: 375, height: 800 } });
    await signIn(viewer, 'viewer@demo.test', '/council');
    await viewer.getByRole('combobox', { name: 'Language', exact: true }).selectOption('es');
    await expect.poll(() => viewer.getByRole('heading', { level: 1 }).textContent()).toBe('Consejo del Edificio');
    expect(await viewer.getByRole('button', { name: /Enviar/ }).count()).toBe(0);
    expect(await axeViolations(viewer)).toEqual([]);
    const next = meetingOn('2026-11-17');
    await viewer.goto(`/council/meetings/${next.occurrence.occurrenceId}`);
    const pdf = viewer.getByRole('link', { name: /PDF/ }).first();
    const href = await pdf.getAttribute('href');
    expect(href).toMatch(/agenda\.pdf\?lang=es$/);
    const res = await viewer.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
  });
});
