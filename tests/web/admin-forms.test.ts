import { describe, expect, it } from 'vitest';
import type { Closure, School, Space } from '../../web/src/api/types.js';
import { closureInputFromDraft, draftFromClosure, splitClosures, validateClosureDraft } from '../../web/src/admin/closure-form.js';
import { fieldPath, issueFor, issueFromServer, issuesFromProblem, wholeNumber } from '../../web/src/admin/form-errors.js';
import { memberInputFromDraft, needsSchool, schoolsForRole, validateMemberDraft } from '../../web/src/admin/member-form.js';
import { draftFromSchool, schoolInputFromDraft, validateSchoolDraft } from '../../web/src/admin/school-form.js';
import { draftFromSpace, nestedOrder, OTHER_KIND, parentChoices, spaceInputFromDraft, validateSpaceDraft } from '../../web/src/admin/space-form.js';

const stamp = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' };
const space = (id: number, name: string, parentId: number | null = null, archived = false): Space => ({
  id, campusId: 1, name, kind: 'gym', capacity: 100, parentId, setupMinutes: 0, teardownMinutes: 0, openHours: null, archived, ...stamp,
});
const school = (id: number, kind: string, archived = false): School => ({ id, campusId: 1, name: `School ${id}`, locationCode: String(1000 + id), kind, enrollment: 300, archived, ...stamp });
const closure = (id: number, localStart: string, localEnd: string, extra: Partial<Closure> = {}): Closure => ({
  id, campusId: 1, reason: 'holiday', note: '', spaceIds: null, allDay: true, start: localStart.slice(0, 10), end: localStart.slice(0, 10),
  localStart, localEnd, startUtc: '', endUtc: '', archived: false, ...stamp, ...extra,
});

describe('form errors', () => {
  it('normalises the server field paths', () => {
    expect(fieldPath('/body/openHours/mon/0/open')).toBe('openHours/mon/0/open');
    expect(fieldPath('name')).toBe('name');
    expect(fieldPath('/spaceIds/0')).toBe('spaceIds/0');
  });

  it('recognises server messages it can translate, keeps the others', () => {
    expect(issueFromServer('locationCode', 'already used by school 3 (Health Academy)')).toEqual({ field: 'locationCode', key: 'admin.errors.codeTaken', values: { name: 'Health Academy' } });
    expect(issueFromServer('name', 'must not be blank')).toEqual({ field: 'name', key: 'admin.errors.required', values: {} });
    expect(issueFromServer('/body/capacity', 'must be >= 1')).toEqual({ field: 'capacity', message: 'must be >= 1' });
  });

  it('keeps one issue per field and finds nested ones', () => {
    const issues = issuesFromProblem([
      { field: '/body/openHours/mon/0/open', message: 'must match pattern "^\\d{2}:\\d{2}$"' },
      { field: 'openHours/mon/0/open', message: 'again' },
      { field: 'spaceIds/1', message: 'space 99 does not exist on this campus' },
    ]);
    expect(issues).toHaveLength(2);
    expect(issueFor(issues, 'spaceIds')).toBeUndefined();
    expect(issueFor(issues, 'spaceIds', true)?.field).toBe('spaceIds/1');
  });

  it('reads whole numbers within bounds only', () => {
    expect(wholeNumber(' 42 ', 0, 100)).toBe(42);
    expect(wholeNumber('4.5', 0, 100)).toBeNull();
    expect(wholeNumber('-1', 0, 100)).toBeNull();
    expect(wholeNumber('101', 0, 100)).toBeNull();
  });
});

describe('school form', () => {
  it('checks and builds the body', () => {
    const draft = { ...draftFromSchool(null), name: ' Arts SLC ', locationCode: '1931', enrollment: '384' };
    expect(validateSchoolDraft(draft)).toEqual([]);
    expect(schoolInputFromDraft(draft)).toEqual({ name: 'Arts SLC', locationCode: '1931', kind: 'slc', enrollment: 384 });
    expect(validateSchoolDraft(draftFromSchool(null)).map((i) => i.field)).toEqual(['name', 'locationCode', 'enrollment']);
  });
});

describe('space form', () => {
  it('keeps a kind outside the list as "other"', () => {
    const draft = draftFromSpace({ ...space(1, 'Dance studio'), kind: 'dance studio' });
    expect(draft.kindChoice).toBe(OTHER_KIND);
    expect(spaceInputFromDraft(draft).kind).toBe('dance studio');
  });

  it('checks required fields, numbers and hours together', () => {
    const draft = { ...draftFromSpace(null), capacity: '0', setupMinutes: '300' };
    draft.hours.days.mon.windows[0]!.open = '';
    expect(validateSpaceDraft(draft).map((i) => i.field)).toEqual(['name', 'kind', 'capacity', 'setupMinutes', 'openHours/mon/0/open']);
  });

  it('builds the body with a parent and buffers', () => {
    const draft = { ...draftFromSpace(null), name: 'Gym — East', kindChoice: 'gym', capacity: '150', parentId: '7', setupMinutes: '', teardownMinutes: '10' };
    expect(spaceInputFromDraft(draft)).toMatchObject({ name: 'Gym — East', kind: 'gym', capacity: 150, parentId: 7, setupMinutes: 0, teardownMinutes: 10 });
  });

  it('offers as parents neither the space itself, nor its parts, nor archived spaces', () => {
    const all = [space(7, 'Gym'), space(8, 'North', 7), space(9, 'North corner', 8), space(10, 'Library'), space(11, 'Old', null, true)];
    expect(parentChoices(all, 7).map((s) => s.id)).toEqual([10]);
    expect(parentChoices(all, 8).map((s) => s.id)).toEqual([7, 10]);
    expect(parentChoices(all, null).map((s) => s.id)).toEqual([7, 8, 9, 10]);
  });

  it('orders spaces with their parts after them', () => {
    const all = [space(8, 'Gym north', 7), space(1, 'Library'), space(7, 'Gym'), space(9, 'Gym south', 7)];
    expect(nestedOrder(all).map(({ space: s, depth }) => `${depth}:${s.name}`)).toEqual(['0:Gym', '1:Gym north', '1:Gym south', '0:Library']);
  });
});

describe('closure form', () => {
  it('starts as one whole day over the whole campus', () => {
    const draft = draftFromClosure(null, '2026-11-30');
    expect(closureInputFromDraft(draft)).toEqual({ reason: 'holiday', note: '', spaceIds: null, start: '2026-11-30', end: '2026-11-30' });
  });

  it('sends date-times for a part of a day, and sorted unique spaces', () => {
    const draft = { ...draftFromClosure(null, '2026-11-30'), mode: 'times' as const, scope: 'spaces' as const, spaceIds: [11, 1, 11], note: ' Floor waxing ' };
    expect(closureInputFromDraft(draft)).toEqual({ reason: 'holiday', note: 'Floor waxing', spaceIds: [1, 11], start: '2026-11-30T08:00', end: '2026-11-30T12:00' });
  });

  it('reads an existing closure back into the form', () => {
    const timed = closure(3, '2026-12-01T13:00', '2026-12-01T15:00', { allDay: false, start: '2026-12-01T13:00', end: '2026-12-01T15:00', spaceIds: [1] });
    expect(draftFromClosure(timed, '2026-11-23')).toMatchObject({ mode: 'times', scope: 'spaces', spaceIds: [1], startTime: '2026-12-01T13:00', endTime: '2026-12-01T15:00' });
  });

  it('checks spaces, dates and their order', () => {
    const draft = draftFromClosure(null, '2026-11-30');
    expect(validateClosureDraft({ ...draft, scope: 'spaces' })).toEqual([{ field: 'spaceIds', key: 'admin.errors.chooseSpace' }]);
    expect(validateClosureDraft({ ...draft, endDate: '2026-11-29' })).toEqual([{ field: 'end', key: 'admin.errors.endBeforeStartDate' }]);
    expect(validateClosureDraft({ ...draft, startDate: '' })).toEqual([{ field: 'start', key: 'admin.errors.required' }]);
    expect(validateClosureDraft({ ...draft, mode: 'times', endTime: draft.startTime })).toEqual([{ field: 'end', key: 'admin.errors.endBeforeStartTime' }]);
  });

  it('lists upcoming closures soonest first and past ones latest first', () => {
    const list = [
      closure(1, '2026-09-07T00:00', '2026-09-08T00:00'),
      closure(2, '2026-12-21T00:00', '2027-01-09T00:00'),
      closure(3, '2026-11-23T00:00', '2026-11-28T00:00'),
      closure(4, '2026-11-11T00:00', '2026-11-12T00:00', { archived: true }),
    ];
    const { upcoming, past } = splitClosures(list, '2026-11-23T10:00');
    expect(upcoming.map((c) => c.id)).toEqual([3, 2]);
    expect(past.map((c) => c.id)).toEqual([4, 1]);
  });
});

describe('member form', () => {
  const schools = [school(1, 'building'), school(2, 'slc'), school(3, 'autonomous'), school(4, 'slc', true)];

  it('offers the building office to the principal, the other schools to leads and council', () => {
    expect(needsSchool('admin')).toBe(false);
    expect(schoolsForRole('principal', schools).map((s) => s.id)).toEqual([1]);
    expect(schoolsForRole('lead', schools).map((s) => s.id)).toEqual([2, 3]);
    expect(schoolsForRole('viewer', schools)).toEqual([]);
  });

  it('requires a school for roles that act for one', () => {
    expect(validateMemberDraft({ email: 'a@b.org', name: '', role: 'lead', schoolId: '', password: '' })).toEqual([{ field: 'schoolId', key: 'admin.errors.schoolRequired' }]);
    expect(validateMemberDraft({ email: 'nope', name: '', role: '', schoolId: '', password: 'short' }).map((i) => i.field)).toEqual(['email', 'role', 'password']);
  });

  it('sends only what was given', () => {
    expect(memberInputFromDraft({ email: ' a@b.org ', name: '', role: 'viewer', schoolId: '2', password: '' })).toEqual({ email: 'a@b.org', role: 'viewer', schoolId: null });
    expect(memberInputFromDraft({ email: 'a@b.org', name: ' Ana ', role: 'lead', schoolId: '2', password: 'long enough phrase' })).toEqual({
      email: 'a@b.org', name: 'Ana', role: 'lead', schoolId: 2, password: 'long enough phrase',
    });
  });
});
