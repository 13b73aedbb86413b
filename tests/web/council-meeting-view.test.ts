import { describe, expect, it } from 'vitest';
import {
  councilSchoolIds,
  detailLinesById,
  earlierOpenActions,
  exportHref,
  mayAmendMinutes,
  mayEditMinutes,
  meetingButtons,
  mergedTitles,
  myBallots,
  openMotions,
  refusal,
  standing,
  visibleItems,
} from '../../web/src/council/meeting/meeting-view.js';
import type { ActionItem, AttendanceEntry, MinutesItem, Motion } from '../../web/src/council/meeting/meeting.types.js';

function item(id: number, over: Partial<MinutesItem> = {}): MinutesItem {
  return {
    id, position: id, source: 'standing', title: `t${id}`, titleKey: null, titleParams: null, detail: '', schoolId: null, minutes: 5,
    start: '07:30', end: '07:35', mergedIntoId: null, withdrawn: false, notes: '', version: 1, motions: [], ...over,
  };
}

function motion(id: number, over: Partial<Motion> = {}): Motion {
  return {
    id, meetingId: 1, agendaItemId: 1, text: 'm', moverSchoolId: 2, seconderSchoolId: null, decision: null, status: 'open', result: null,
    yes: 0, no: 0, abstain: 0, appliedAt: null, createdBy: 4, createdAt: '', closedAt: null, votes: [], ...over,
  };
}

const attendance: AttendanceEntry[] = [
  { schoolId: 1, schoolName: 'Office', schoolCode: '1930', status: 'present', note: '', recorded: true },
  { schoolId: 2, schoolName: 'Arts', schoolCode: '1931', status: 'represented', note: '', recorded: true },
  { schoolId: 3, schoolName: 'Health', schoolCode: '1944', status: 'absent', note: '', recorded: true },
];

const vote = (schoolId: number, v: 'yes' | 'no' | 'abstain') => ({ schoolId, vote: v, castBy: 1, castAt: '' });

describe('minutes lifecycle', () => {
  it('draft and circulated minutes are edited; approved and locked ones amended', () => {
    expect(['draft', 'circulated', 'approved', 'locked'].map((s) => [mayEditMinutes(s as never), mayAmendMinutes(s as never)])).toEqual([
      [true, false], [true, false], [false, true], [false, true],
    ]);
  });

  it('offers each step of the meeting to members only, when it is due', () => {
    expect(meetingButtons({ status: 'scheduled', minutesStatus: 'draft', cancelled: false }, true)).toEqual({ open: true, close: false, circulate: false });
    expect(meetingButtons({ status: 'open', minutesStatus: 'draft', cancelled: false }, true)).toEqual({ open: false, close: true, circulate: false });
    expect(meetingButtons({ status: 'closed', minutesStatus: 'draft', cancelled: false }, true)).toEqual({ open: false, close: false, circulate: true });
    expect(meetingButtons({ status: 'closed', minutesStatus: 'circulated', cancelled: false }, true)).toEqual({ open: false, close: false, circulate: false });
    expect(meetingButtons({ status: 'scheduled', minutesStatus: 'draft', cancelled: false }, false)).toEqual({ open: false, close: false, circulate: false });
    expect(meetingButtons({ status: 'scheduled', minutesStatus: 'draft', cancelled: true }, true).open).toBe(false);
  });
});

describe('items', () => {
  it('shows the items discussed in order, merged ones under the item they joined', () => {
    const items = [item(3), item(1), item(2, { mergedIntoId: 1 }), item(4, { withdrawn: true })];
    expect(visibleItems(items).map((i) => i.id)).toEqual([1, 3]);
    expect(mergedTitles(items).get(1)?.map((i) => i.id)).toEqual([2]);
  });

  it('takes generated detail lines from the agenda by id', () => {
    const line = { key: 'agenda.closureNote', params: { note: 'x' }, text: 'Note: x' };
    const lines = detailLinesById([{ id: 5, detailLines: [line] }, { id: null, detailLines: [line] }, { id: 6, detailLines: null }]);
    expect([...lines.keys()]).toEqual([5]);
  });

  it('finds the open motions that keep the meeting from closing', () => {
    expect(openMotions([item(1, { motions: [motion(1), motion(2, { status: 'closed', result: 'carried' })] }), item(2, { motions: [motion(3)] })]).map((m) => m.id)).toEqual([1, 3]);
  });
});

describe('votes', () => {
  it('counts an open motion’s votes of the schools present or represented only', () => {
    const m = motion(1, { votes: [vote(1, 'yes'), vote(2, 'no'), vote(3, 'yes')] });
    expect(standing(m, attendance)).toEqual({ yes: 1, no: 1, abstain: 0 });
  });

  it('shows a closed motion’s stored counts', () => {
    expect(standing(motion(1, { status: 'closed', result: 'carried', yes: 3, no: 1, abstain: 2, votes: [] }), attendance)).toEqual({ yes: 3, no: 1, abstain: 2 });
  });

  it('gives a ballot per school the person sits for, saying whether it may vote', () => {
    expect(myBallots([2, 3, 9], [vote(2, 'abstain')], attendance)).toEqual([
      { schoolId: 2, vote: 'abstain', mayVote: true },
      { schoolId: 3, vote: null, mayVote: false },
      { schoolId: 9, vote: null, mayVote: false },
    ]);
  });
});

describe('refusals in words', () => {
  it('names what the server refused', () => {
    expect(refusal({ code: 'council.stale', version: 4 })).toEqual({ key: 'stale' });
    expect(refusal({ code: 'state', openMotionIds: [3, 4] })).toEqual({ key: 'openMotions', params: { count: 2 } });
    expect(refusal({ code: 'state', schoolId: 3, attendance: 'absent' })).toEqual({ key: 'notPresent' });
    expect(refusal({ code: 'state', minutesStatus: 'locked' })).toEqual({ key: 'minutesFinal', params: { status: 'locked' } });
    expect(refusal({ code: 'state', minutesStatus: 'circulated', event: 'circulate' })).toEqual({ key: 'minutesStep', params: { status: 'circulated' } });
    expect(refusal({ code: 'state', minutesStatus: 'draft' }, 'amend')).toEqual({ key: 'notAmendable', params: { status: 'draft' } });
    expect(refusal({ code: 'state', minutesStatus: 'draft' })).toEqual({ key: 'notApprovable', params: { status: 'draft' } });
    expect(refusal({ code: 'state', meetingStatus: 'scheduled' })).toEqual({ key: 'notOpen' });
    expect(refusal({ code: 'state', meetingStatus: 'closed' })).toEqual({ key: 'meetingClosed' });
    expect(refusal({ code: 'state', result: 'carried' })).toEqual({ key: 'voteClosed' });
    expect(refusal({ code: 'forbidden', minutesStatus: 'draft' })).toEqual({ key: 'draftHidden' });
    expect(refusal({ code: 'forbidden', schoolId: 3 })).toEqual({ key: 'notMember' });
  });

  it('leaves others to the general wording', () => {
    expect(refusal({ code: 'validation' })).toBeNull();
    expect(refusal({ code: 'state' })).toBeNull();
  });
});

describe('the rest', () => {
  it('knows the schools a person sits for', () => {
    expect(councilSchoolIds([{ id: 2, role: 'lead' }, { id: 2, role: 'council' }, { id: 1, role: 'principal' }, { id: 5, role: 'viewer' }])).toEqual([2, 1]);
  });

  it('lists open action items of other meetings', () => {
    const a = (id: number, meetingId: number, status: ActionItem['status'] = 'open') => ({ id, meetingId, status }) as ActionItem;
    expect(earlierOpenActions([a(1, 7), a(2, 8), a(3, 7, 'done')], 8).map((x) => x.id)).toEqual([1]);
  });

  it('links the printable copies in a language', () => {
    expect(exportHref(1, 2564, 'minutes', 'pdf', 'es')).toBe('/api/campuses/1/council/meetings/2564/minutes.pdf?lang=es');
  });
});
