import { describe, expect, it } from 'vitest';
import {
  cleanTopics,
  draftOf,
  isDirty,
  moveTopic,
  parseWhole,
  quorumNeeded,
  settingsPatch,
  standingTopicKey,
  targetOf,
  validateDraft,
} from '../../web/src/council/settings-form.js';

const settings = {
  campusId: 1,
  quorumPercent: 50,
  standingTopics: ['Scheduling use of space', 'Security', 'Shared staff'],
  submissionDeadlineHours: 24,
  highImpactAttendees: 100,
};

describe('the council settings form', () => {
  it('starts from the settings as text', () => {
    expect(draftOf(settings)).toEqual({ standingTopics: ['Scheduling use of space', 'Security', 'Shared staff'], quorumPercent: '50', submissionDeadlineHours: '24', highImpactAttendees: '100' });
    const draft = draftOf(settings);
    draft.standingTopics.push('New');
    expect(settings.standingTopics).toHaveLength(3);
  });

  it('reads whole numbers within limits only', () => {
    const limits = { min: 1, max: 99 };
    expect(parseWhole(' 51 ', limits)).toBe(51);
    expect(parseWhole('0', limits)).toBeNull();
    expect(parseWhole('100', limits)).toBeNull();
    expect(parseWhole('5.5', limits)).toBeNull();
    expect(parseWhole('1e1', limits)).toBeNull();
    expect(parseWhole('-3', limits)).toBeNull();
    expect(parseWhole('', limits)).toBeNull();
    expect(parseWhole('0', { min: 0, max: 336 })).toBe(0);
  });

  it('names each field at fault, with the limits to show', () => {
    expect(validateDraft(draftOf(settings))).toEqual([]);
    const bad = { standingTopics: ['Security', '  ', 'x'.repeat(201)], quorumPercent: '100', submissionDeadlineHours: '337', highImpactAttendees: '0' };
    expect(validateDraft(bad)).toEqual([
      { field: 'quorumPercent', key: 'council.settings.errors.range', values: { min: 1, max: 99 } },
      { field: 'submissionDeadlineHours', key: 'council.settings.errors.range', values: { min: 0, max: 336 } },
      { field: 'highImpactAttendees', key: 'council.settings.errors.range', values: { min: 1, max: 100000 } },
      { field: 'topic-1', key: 'council.settings.errors.topicEmpty' },
      { field: 'topic-2', key: 'council.settings.errors.topicLong', values: { max: 200 } },
    ]);
    const many = { ...draftOf(settings), standingTopics: Array.from({ length: 31 }, (_, i) => `Topic ${i}`) };
    expect(validateDraft(many)).toEqual([{ field: 'standingTopics', key: 'council.settings.errors.tooMany', values: { max: 30 } }]);
    // The same topic twice (whatever the case or spaces) is named at its second place.
    expect(validateDraft({ ...draftOf(settings), standingTopics: ['Security', 'Parking', ' security '] })).toEqual([
      { field: 'topic-2', key: 'council.settings.errors.topicTwice', values: { number: 1 } },
    ]);
    // 200 characters after trimming is fine.
    expect(validateDraft({ ...draftOf(settings), standingTopics: [` ${'x'.repeat(200)} `] })).toEqual([]);
  });

  it('sends only what changed', () => {
    expect(settingsPatch(settings, draftOf(settings))).toEqual({});
    expect(settingsPatch(settings, { ...draftOf(settings), quorumPercent: '66' })).toEqual({ quorumPercent: 66 });
    expect(settingsPatch(settings, { ...draftOf(settings), submissionDeadlineHours: '0', highImpactAttendees: ' 250' })).toEqual({ submissionDeadlineHours: 0, highImpactAttendees: 250 });
    // Topics are compared as the server keeps them: trimmed.
    expect(settingsPatch(settings, { ...draftOf(settings), standingTopics: [' Scheduling use of space ', 'Security', 'Shared staff'] })).toEqual({});
    expect(settingsPatch(settings, { ...draftOf(settings), standingTopics: ['Security', 'Scheduling use of space', 'Shared staff'] })).toEqual({
      standingTopics: ['Security', 'Scheduling use of space', 'Shared staff'],
    });
    expect(settingsPatch(settings, { ...draftOf(settings), standingTopics: [] })).toEqual({ standingTopics: [] });
    // A number that does not parse is not sent (validation says why).
    expect(settingsPatch(settings, { ...draftOf(settings), quorumPercent: 'abc' })).toEqual({});
  });

  it('knows when the form has changes', () => {
    expect(isDirty(settings, draftOf(settings))).toBe(false);
    expect(isDirty(settings, { ...draftOf(settings), quorumPercent: '' })).toBe(true);
    expect(isDirty(settings, { ...draftOf(settings), standingTopics: [...settings.standingTopics, ''] })).toBe(true);
  });

  it('trims topics and leaves out empty ones', () => {
    expect(cleanTopics([' a ', '', '  ', 'b'])).toEqual(['a', 'b']);
  });

  it('moves a topic up or down, within the list', () => {
    const topics = ['a', 'b', 'c'];
    expect(moveTopic(topics, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveTopic(topics, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveTopic(topics, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveTopic(topics, 2, 1)).toEqual(['a', 'b', 'c']);
    expect(topics).toEqual(['a', 'b', 'c']);
  });

  it("puts the server's field errors beside their fields", () => {
    expect(targetOf('quorumPercent')).toBe('quorumPercent');
    expect(targetOf('/body/highImpactAttendees')).toBe('highImpactAttendees');
    expect(targetOf('standingTopics/3')).toBe('topic-3');
    expect(targetOf('standingTopics')).toBe('standingTopics');
    expect(targetOf('body')).toBeNull();
    expect(targetOf('campusId')).toBeNull();
  });

  it('counts the schools quorum needs as the server does: more than the share', () => {
    expect(quorumNeeded(11, 50)).toBe(6);
    expect(quorumNeeded(10, 50)).toBe(6);
    expect(quorumNeeded(11, 66)).toBe(8);
    expect(quorumNeeded(3, 99)).toBe(3);
    expect(quorumNeeded(11, 1)).toBe(1);
    expect(quorumNeeded(0, 50)).toBe(0);
  });

  it('translates only the default topics left as they were', () => {
    expect(standingTopicKey('Security')).toBe('council.agenda.standing.security');
    expect(standingTopicKey('Professional-development funds')).toBe('council.agenda.standing.professionalDevelopment');
    expect(standingTopicKey('Security and safety')).toBeNull();
    expect(standingTopicKey('security')).toBeNull();
    expect(standingTopicKey('constructor')).toBeNull();
  });
});
