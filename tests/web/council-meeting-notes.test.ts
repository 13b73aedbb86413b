import { describe, expect, it } from 'vitest';
import {
  edit,
  focus,
  initNotes,
  isDirty,
  mergeNotes,
  receive,
  reloadIncoming,
  resolve,
  saved,
  saveStarted,
  stale,
  toSave,
} from '../../web/src/council/meeting/notes-sync.js';

const start = () => initNotes({ text: 'Agreed to share the gym.', version: 3 });

describe('notes while others write them', () => {
  it('takes a newer text when the person is neither in the box nor has changed it', () => {
    const next = receive(start(), { text: 'Agreed. Follow-up next week.', version: 4 });
    expect(next.draft).toBe('Agreed. Follow-up next week.');
    expect(next.base.version).toBe(4);
    expect(next.incoming).toBeNull();
  });

  it('ignores the same or an older version', () => {
    const s = start();
    expect(receive(s, { text: 'old', version: 3 })).toBe(s);
    expect(receive(s, { text: 'older', version: 2 })).toBe(s);
  });

  it('never overwrites a box the person is in: keeps the newer text aside', () => {
    const typing = focus(start(), true);
    const next = receive(typing, { text: 'theirs', version: 4 });
    expect(next.draft).toBe('Agreed to share the gym.');
    expect(next.incoming).toEqual({ text: 'theirs', version: 4 });
  });

  it('never overwrites changed text, even out of the box', () => {
    const changed = edit(start(), 'Agreed to share the gym on Fridays.');
    const next = receive(changed, { text: 'theirs', version: 4 });
    expect(next.draft).toBe('Agreed to share the gym on Fridays.');
    expect(next.incoming?.version).toBe(4);
  });

  it('takes the kept-aside text when the person leaves an unchanged box', () => {
    const aside = receive(focus(start(), true), { text: 'theirs', version: 4 });
    const left = focus(aside, false);
    expect(left.draft).toBe('theirs');
    expect(left.base.version).toBe(4);
  });

  it('"reload" takes theirs into an unchanged box, and shows both for a changed one', () => {
    const unchanged = receive(focus(start(), true), { text: 'theirs', version: 4 });
    expect(reloadIncoming(unchanged).draft).toBe('theirs');
    const changed = receive(edit(start(), 'mine'), { text: 'theirs', version: 4 });
    const both = reloadIncoming(changed);
    expect(both.conflict).toEqual({ theirs: { text: 'theirs', version: 4 }, mine: 'mine' });
    expect(both.draft).toBe('mine');
  });
});

describe('saving', () => {
  it('sends the draft with the version it started from, once', () => {
    const s = edit(start(), 'new text');
    expect(toSave(s)).toEqual({ text: 'new text', version: 3 });
    expect(toSave(saveStarted(s))).toBeNull();
    expect(toSave(start())).toBeNull();
  });

  it('keeps typing done during the save', () => {
    const sending = saveStarted(edit(start(), 'new text'));
    const typedOn = edit(sending, 'new text, and more');
    const done = saved(typedOn, 'new text', 4);
    expect(done.base).toEqual({ text: 'new text', version: 4 });
    expect(done.draft).toBe('new text, and more');
    expect(isDirty(done)).toBe(true);
    expect(toSave(done)).toEqual({ text: 'new text, and more', version: 4 });
  });

  it('a stale save shows both texts and loses neither', () => {
    const refused = stale(saveStarted(edit(start(), 'mine')), { text: 'theirs', version: 5 });
    expect(refused.conflict).toEqual({ theirs: { text: 'theirs', version: 5 }, mine: 'mine' });
    expect(refused.saving).toBe(false);
    expect(toSave(refused)).toBeNull();
  });

  it('a stale save whose text is already theirs simply catches up', () => {
    const same = stale(saveStarted(edit(start(), 'same')), { text: 'same', version: 5 });
    expect(same.conflict).toBeNull();
    expect(same.base.version).toBe(5);
    expect(isDirty(same)).toBe(false);
  });

  it('a newer refetch during a conflict updates their side', () => {
    const refused = stale(edit(start(), 'mine'), { text: 'theirs', version: 5 });
    expect(receive(refused, { text: 'theirs again', version: 6 }).conflict?.theirs).toEqual({ text: 'theirs again', version: 6 });
  });
});

describe('settling a conflict', () => {
  const refused = () => stale(saveStarted(edit(start(), 'Agreed to share the gym.\nFridays for 1944.')), { text: 'Agreed to share the gym.\nMondays for 1957.', version: 5 });

  it('keep mine: my text, saved over theirs (their version)', () => {
    const s = resolve(refused(), 'mine');
    expect(toSave(s)).toEqual({ text: 'Agreed to share the gym.\nFridays for 1944.', version: 5 });
  });

  it('use theirs: nothing left to save', () => {
    const s = resolve(refused(), 'theirs');
    expect(s.draft).toBe('Agreed to share the gym.\nMondays for 1957.');
    expect(isDirty(s)).toBe(false);
  });

  it('merge: both in the box, to edit and save', () => {
    const s = resolve(refused(), 'merge');
    expect(s.draft).toBe('Agreed to share the gym.\nMondays for 1957.\nFridays for 1944.');
    expect(toSave(s)?.version).toBe(5);
  });
});

describe('mergeNotes', () => {
  it('keeps the longer when one contains the other', () => {
    expect(mergeNotes('a', 'a b')).toBe('a b');
    expect(mergeNotes('a b', 'a')).toBe('a b');
    expect(mergeNotes('', 'mine')).toBe('mine');
  });

  it('adds my lines theirs lacks, once', () => {
    expect(mergeNotes('one\ntwo\n', 'one\nthree\n\n')).toBe('one\ntwo\nthree');
  });
});
