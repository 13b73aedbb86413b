import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNCIL_EXPORT_STYLE_HASH } from '../../server/council-export/html.js';
import { englishLabelsIn } from '../council-export/english-leaks.js';
import { flat, pdfPages } from '../council-export/pdf-text.js';
import { buildTestApp, caller, DEFAULT_NOW, expectProblem, type Reply, type TestApp } from '../helpers/app.js';
import { book, createCampusFixture, type Campus } from '../helpers/fixtures.js';
import { createTestUser } from '../helpers/session.js';

/**
 * The exports over HTTP, from a real meeting: two submitted items, attendance, a motion that
 * cancels a booking carried by three schools, the meeting closed. The tester sits for every
 * school of the fixture campus (tests/helpers/app.ts), so it records and votes for each.
 */
let t: TestApp;
let c: Campus;
let meetingId: number;
let base: string;
const USER_TEXT = ['Roosevelt Campus', 'America/Los_Angeles', 'Library', 'Jefferson SLC', 'Lincoln Academy', 'Building Office', 'Hallway supervision', 'Parking lot lights', 'Assembly', 'Share the hallway rota'];

function ok<T = any>(res: Reply<T>, status = 200): T {
  expect(res.status, res.raw).toBe(status);
  return res.body;
}

async function pdfText(url: string): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url, headers: t.tester.headers });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return flat((await pdfPages(res.rawPayload)).join('\n'));
}

beforeAll(async () => {
  t = await buildTestApp();
  c = await createCampusFixture(t.call);
  ok(await t.call('POST', `/api/campuses/${c.campusId}/council/series`, { spaceId: c.spaces.library, start: '2026-09-01T07:30', end: '2026-09-01T08:30', rrule: 'FREQ=WEEKLY;COUNT=4' }), 201);
  meetingId = ok(await t.call('GET', `/api/campuses/${c.campusId}/council/meetings`))[0].id;
  base = `/api/campuses/${c.campusId}/council/meetings/${meetingId}`;
  ok(await t.call('POST', `${base}/agenda/items`, { schoolId: c.schools.lincoln, title: 'Parking lot lights' }), 201);
  ok(await t.call('POST', `${base}/agenda/items`, { schoolId: c.schools.jefferson, title: 'Hallway supervision' }), 201);
  const assembly = await book(t.call, c, { start: '2026-10-06T10:00', end: '2026-10-06T11:00' });
  ok(await t.call('POST', `${base}/open`));
  ok(await t.call('PUT', `${base}/attendance`, { attendance: [c.schools.jefferson, c.schools.lincoln, c.schools.office].map((schoolId) => ({ schoolId, status: 'present' })) }));
  const items = ok(await t.call('GET', `${base}/minutes`)).items;
  const hallway = items.find((i: { title: string }) => i.title === 'Hallway supervision');
  ok(await t.call('PATCH', `${base}/agenda/items/${hallway.id}/notes`, { notes: 'Share the hallway rota', version: hallway.version }));
  const motion = ok(
    await t.call('POST', `${base}/motions`, {
      agendaItemId: hallway.id,
      text: 'Free the auditorium for the rota training',
      moverSchoolId: c.schools.jefferson,
      seconderSchoolId: c.schools.lincoln,
      decision: { kind: 'booking', bookingId: assembly.id, action: 'cancel', scope: 'series' },
    }),
    201,
  );
  for (const schoolId of [c.schools.jefferson, c.schools.lincoln, c.schools.office]) ok(await t.call('PUT', `${base}/motions/${motion.id}/votes/${schoolId}`, { vote: 'yes' }));
  ok(await t.call('POST', `${base}/motions/${motion.id}/close`));
  ok(await t.call('POST', `${base}/close`));
});
afterAll(() => t.close());

describe('the agenda', () => {
  it('as PDF holds every item in order with its time, in Spanish with no English fixed label', async () => {
    const text = await pdfText(`${base}/agenda.pdf?lang=es`);
    expect(text.indexOf('Parking lot lights')).toBeGreaterThan(-1);
    // Meeting 0's rotation puts the office first, then Jefferson (8801), then Lincoln (8802).
    expect(text.indexOf('Hallway supervision')).toBeLessThan(text.indexOf('Parking lot lights'));
    expect(text).toContain('7:30');
    expect(text).toContain('Orden del día');
    expect(englishLabelsIn(text, [...USER_TEXT, 'Free the auditorium for the rota training'])).toEqual([]);
  });

  it('as a printable page, with a CSP that allows its one stylesheet and no script', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${base}/agenda.html?lang=es`, headers: t.tester.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html lang="es"/);
    expect(res.headers['content-security-policy']).toContain(`style-src '${COUNCIL_EXPORT_STYLE_HASH}'`);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).not.toMatch(/<script/i);
  });

  it('is published to every role, but draft minutes are not', async () => {
    const viewer = await createTestUser(t.db, { email: 'viewer@commons.test', cookieName: t.app.sessionCookie.name, now: DEFAULT_NOW, memberships: [{ campusId: c.campusId, role: 'viewer', schoolId: null }] });
    const asViewer = caller(t.app, viewer.headers);
    expect((await t.app.inject({ method: 'GET', url: `${base}/agenda.pdf`, headers: viewer.headers })).statusCode).toBe(200);
    expectProblem(await asViewer('GET', `${base}/minutes.pdf`), { status: 403, code: 'forbidden' });
    expectProblem(await asViewer('GET', `${base}/agenda.pdf?lang=fr`), { status: 400, field: 'lang' });
  });
});

describe('the minutes', () => {
  it('as PDF record attendance, notes, the vote by school, the result and the decision applied', async () => {
    const text = await pdfText(`${base}/minutes.pdf?lang=en`);
    expect(text).toContain('Share the hallway rota');
    expect(text).toContain('Free the auditorium for the rota training');
    expect(text).toContain('Carried');
    expect(text).toContain('Cancel “Assembly” (8801): the whole series');
    for (const code of ['8800', '8801', '8802']) expect(text).toContain(code);
  });

  it('in Spanish translate every fixed label, the decision included, and keep what people wrote', async () => {
    const text = await pdfText(`${base}/minutes.pdf?lang=es`);
    expect(text).toContain('Acta');
    expect(text).toContain('Cancelar «Assembly» (8801): toda la serie');
    expect(text).toContain('Share the hallway rota');
    expect(englishLabelsIn(text, [...USER_TEXT, 'Free the auditorium for the rota training'])).toEqual([]);
  });
});
