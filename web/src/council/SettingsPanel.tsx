/**
 * The council's settings at the foot of the Council home: the quorum rule, the submission
 * deadline, the size of a high-impact booking and the standing topics. Everyone reads them; the
 * campus administrator and the building principal ('council.manage') change them. Save sends only
 * what the person changed, so a field someone else saved meanwhile is not written back.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { bumpRevision, campus, schools } from '../app/campus.state.js';
import { errorText } from '../app/error-text.js';
import { ErrorMessage, Loading } from '../app/Status.js';
import { useT } from '../i18n/i18n.js';
import { roles } from '../session/session.state.js';
import { useFresh } from './council.hooks.js';
import { getCouncilSettings, updateCouncilSettings } from './council.service.js';
import type { CouncilSettings } from './council.types.js';
import { FieldError, fieldProps } from './Field.js';
import {
  draftOf,
  isDirty,
  LIMITS,
  MAX_TOPIC_LENGTH,
  MAX_TOPICS,
  moveTopic,
  parseWhole,
  quorumNeeded,
  settingsPatch,
  standingTopicKey,
  targetOf,
  validateDraft,
  type NumberField,
  type SettingsDraft,
  type SettingsTarget,
} from './settings-form.js';

type Errors = Partial<Record<SettingsTarget, string>>;

const NUMBER_IDS: Record<NumberField, string> = { quorumPercent: 'settings-quorum', submissionDeadlineHours: 'settings-deadline', highImpactAttendees: 'settings-high-impact' };
const topicId = (index: number) => `settings-topic-${index}`;
const idOf = (target: SettingsTarget) => (target === 'standingTopics' ? 'settings-topics' : target.startsWith('topic-') ? topicId(Number(target.slice(6))) : NUMBER_IDS[target as NumberField]);

export function SettingsPanel() {
  const t = useT();
  const campusId = campus.value!.id;
  const settings = useFresh(`settings/${campusId}`, () => getCouncilSettings(campusId));
  const manager = roles.value.has('admin') || roles.value.has('principal');
  // The council's members: every school of the campus not archived (the building office too), as the server counts them.
  const memberCount = schools.value.filter((s) => !s.archived).length;

  let body;
  if (settings.data === null) body = settings.error ? <ErrorMessage message={errorText(settings.error)} /> : <Loading />;
  else if (manager) body = <SettingsEditor settings={settings.data} memberCount={memberCount} onSaved={settings.set} />;
  else body = <SettingsSummary settings={settings.data} memberCount={memberCount} />;

  return (
    <details class="card council-section council-settings">
      <summary>
        <h2>{t('council.settings.heading')}</h2>
      </summary>
      <p class="muted">
        {t('council.settings.intro')} {t('council.settings.managedBy')}
      </p>
      {body}
    </details>
  );
}

function quorumText(t: ReturnType<typeof useT>, percent: number, memberCount: number) {
  return t('council.settings.quorumRule', { percent, count: memberCount, needed: quorumNeeded(memberCount, percent) });
}

function deadlineText(t: ReturnType<typeof useT>, hours: number) {
  return hours === 0 ? t('council.settings.deadlineAtStart') : t('council.settings.deadlineRule', { count: hours });
}

/** What members read: the rules in sentences, the default topics in the reader's language (as the agenda prints them). */
function SettingsSummary({ settings, memberCount }: { settings: CouncilSettings; memberCount: number }) {
  const t = useT();
  return (
    <>
      <dl class="council-settings-facts">
        <div>
          <dt>{t('council.settings.quorum')}</dt>
          <dd>{quorumText(t, settings.quorumPercent, memberCount)}</dd>
        </div>
        <div>
          <dt>{t('council.settings.deadline')}</dt>
          <dd>{deadlineText(t, settings.submissionDeadlineHours)}</dd>
        </div>
        <div>
          <dt>{t('council.settings.highImpact')}</dt>
          <dd>{t('council.settings.highImpactRule', { count: settings.highImpactAttendees })}</dd>
        </div>
      </dl>
      <h3>{t('council.settings.topics')}</h3>
      {settings.standingTopics.length === 0 ? (
        <p>{t('council.settings.noTopics')}</p>
      ) : (
        <>
          <p class="muted">{t('council.settings.topicsRule')}</p>
          <ol class="council-settings-list">
            {settings.standingTopics.map((topic, i) => {
              const key = standingTopicKey(topic);
              return <li key={i}>{key ? t(key) : topic}</li>;
            })}
          </ol>
        </>
      )}
    </>
  );
}

interface EditorProps {
  settings: CouncilSettings;
  memberCount: number;
  onSaved: (settings: CouncilSettings) => void;
}

/** The form for the administrator and the principal. */
function SettingsEditor({ settings, memberCount, onSaved }: EditorProps) {
  const t = useT();
  // `base`: the settings the form started from, what "changed" is measured against.
  const [base, setBase] = useState(settings);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const [saving, setSaving] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  /** Where the focus goes after the list re-renders: a moved topic's button, or a topic's field. */
  const focusAfter = useRef<{ position: number; which: 'up' | 'down' | 'input' } | 'add' | null>(null);

  const dirty = isDirty(base, draft);
  // Someone else saved (a live event refetched the settings): follow them unless this form has changes.
  useEffect(() => {
    if (!dirty) {
      setBase(settings);
      setDraft(draftOf(settings));
    }
    // Only a new answer from the server resets the form, not typing.
  }, [settings]);
  const changedMeanwhile = dirty && JSON.stringify(settings) !== JSON.stringify(base);

  useLayoutEffect(() => {
    const wanted = focusAfter.current;
    focusAfter.current = null;
    if (wanted === 'add') addRef.current?.focus();
    else if (wanted && listRef.current) {
      if (wanted.which === 'input') document.getElementById(topicId(wanted.position))?.focus();
      else {
        const buttons = [...listRef.current.querySelectorAll<HTMLButtonElement>(`button[data-pos="${wanted.position}"]`)];
        (buttons.find((b) => b.dataset.move === wanted.which && !b.disabled) ?? buttons.find((b) => !b.disabled))?.focus();
      }
    }
  });

  const topics = draft.standingTopics;
  const setTopics = (next: string[]) => setDraft((d) => ({ ...d, standingTopics: next }));
  const setNumber = (field: NumberField, value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const clearError = (target: SettingsTarget) => setErrors((e) => (e[target] ? { ...e, [target]: undefined } : e));
  const topicName = (index: number) => topics[index]?.trim() || t('council.settings.topic', { number: index + 1 });

  function move(index: number, delta: number) {
    const position = Math.min(Math.max(index + delta, 0), topics.length - 1);
    if (position === index) return;
    setTopics(moveTopic(topics, index, delta));
    // Errors belong to rows by position: they would point at the wrong topic now.
    setErrors((e) => ({ ...e, ...Object.fromEntries(topics.map((_, i) => [`topic-${i}`, undefined])) }));
    focusAfter.current = { position, which: delta < 0 ? 'up' : 'down' };
    setAnnouncement(t('council.settings.moved', { topic: topicName(index), position: position + 1 }));
  }

  function remove(index: number) {
    const text = topics[index]?.trim() ?? '';
    setTopics(topics.filter((_, i) => i !== index));
    setErrors((e) => ({ ...e, standingTopics: undefined, ...Object.fromEntries(topics.map((_, i) => [`topic-${i}`, undefined])) }));
    focusAfter.current = topics.length > 1 ? { position: Math.min(index, topics.length - 2), which: 'input' } : 'add';
    setAnnouncement(text ? t('council.settings.removed', { topic: text }) : t('council.settings.removedEmpty'));
  }

  function add() {
    if (topics.length >= MAX_TOPICS) return;
    setTopics([...topics, '']);
    focusAfter.current = { position: topics.length, which: 'input' };
  }

  function undo() {
    setBase(settings);
    setDraft(draftOf(settings));
    setErrors({});
    setFailure(null);
    setAnnouncement(t('council.settings.undone'));
  }

  async function save() {
    if (saving) return;
    setFailure(null);
    const issues = validateDraft(draft);
    setErrors(Object.fromEntries(issues.map((issue) => [issue.field, t(issue.key, issue.values)])));
    if (issues.length > 0) {
      const first = issues[0]!.field;
      document.getElementById(first === 'standingTopics' ? topicId(0) : idOf(first))?.focus();
      return;
    }
    const patch = settingsPatch(base, draft);
    if (Object.keys(patch).length === 0) {
      setAnnouncement(t('council.settings.unchanged'));
      return;
    }
    setSaving(true);
    setAnnouncement(t('council.settings.saving'));
    try {
      const saved = await updateCouncilSettings(base.campusId, patch);
      setBase(saved);
      setDraft(draftOf(saved));
      onSaved(saved);
      setAnnouncement(t('council.settings.saved'));
      bumpRevision();
    } catch (error) {
      setAnnouncement('');
      const named = error instanceof ApiError ? (error.problem.fields ?? []).flatMap((f) => (targetOf(f.field) ? [[targetOf(f.field)!, f.message] as const] : [])) : [];
      if (named.length > 0) {
        setErrors(Object.fromEntries(named));
        document.getElementById(idOf(named[0]![0]))?.focus();
      } else setFailure(error);
    } finally {
      setSaving(false);
    }
  }

  const quorum = parseWhole(draft.quorumPercent, LIMITS.quorumPercent);
  const numberField = (field: NumberField, label: string, hint: string) => {
    const id = NUMBER_IDS[field];
    return (
      <div class="council-settings-field">
        <label for={id}>
          {label}
          <input
            type="number"
            inputMode="numeric"
            min={LIMITS[field].min}
            max={LIMITS[field].max}
            step={1}
            required
            {...fieldProps(id, errors[field], `${id}-hint`)}
            value={draft[field]}
            onInput={(e) => {
              setNumber(field, e.currentTarget.value);
              clearError(field);
            }}
          />
        </label>
        <FieldError id={id} message={errors[field]} />
        <p class="muted council-settings-hint" id={`${id}-hint`}>
          {hint}
        </p>
      </div>
    );
  };

  return (
    <form
      class="council-settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div class="council-settings-numbers">
        {numberField('quorumPercent', t('council.settings.quorumLabel'), quorum === null ? t('council.settings.quorumHint', { count: memberCount }) : quorumText(t, quorum, memberCount))}
        {numberField('submissionDeadlineHours', t('council.settings.deadlineLabel'), t('council.settings.deadlineHint'))}
        {numberField('highImpactAttendees', t('council.settings.highImpactLabel'), t('council.settings.highImpactHint'))}
      </div>

      <fieldset id="settings-topics" aria-describedby={['settings-topics-hint', 'settings-topics-refresh', ...(errors.standingTopics ? ['settings-topics-error'] : [])].join(' ')}>
        <legend>{t('council.settings.topics')}</legend>
        <p class="muted council-settings-hint" id="settings-topics-hint">
          {t('council.settings.topicsRule')} {t('council.settings.topicsHint')}
        </p>
        <p class="muted council-settings-hint" id="settings-topics-refresh">
          {t('council.settings.topicsRefreshHint')}
        </p>
        <FieldError id="settings-topics" message={errors.standingTopics} />
        {topics.length === 0 ? (
          <p>{t('council.settings.noTopics')}</p>
        ) : (
          <ol class="council-topics" ref={listRef}>
            {topics.map((topic, i) => {
              const id = topicId(i);
              const target = `topic-${i}` as const;
              const translated = standingTopicKey(topic) !== null;
              return (
                // Keyed by position: a move changes the texts, not the rows, and the focus is put back by hand.
                <li key={i} class="council-topic">
                  <label for={id} class="council-topic-label">
                    {t('council.settings.topic', { number: i + 1 })}
                  </label>
                  {translated && (
                    <span class="muted council-topic-tag" id={`${id}-tag`}>
                      {t('council.settings.translated')}
                    </span>
                  )}
                  <input
                    type="text"
                    maxLength={MAX_TOPIC_LENGTH}
                    {...fieldProps(id, errors[target], ...(translated ? [`${id}-tag`] : []))}
                    value={topic}
                    onInput={(e) => {
                      const value = e.currentTarget.value;
                      setTopics(topics.map((old, j) => (j === i ? value : old)));
                      clearError(target);
                    }}
                  />
                  <div class="council-topic-tools">
                    <button type="button" data-pos={i} data-move="up" aria-label={t('council.settings.moveUp', { number: i + 1 })} disabled={i === 0} onClick={() => move(i, -1)}>
                      <span aria-hidden="true">↑ </span>
                      {t('council.settings.up')}
                    </button>
                    <button type="button" data-pos={i} data-move="down" aria-label={t('council.settings.moveDown', { number: i + 1 })} disabled={i === topics.length - 1} onClick={() => move(i, 1)}>
                      <span aria-hidden="true">↓ </span>
                      {t('council.settings.down')}
                    </button>
                    <button type="button" aria-label={t('council.settings.removeTopic', { number: i + 1 })} onClick={() => remove(i)}>
                      {t('council.settings.remove')}
                    </button>
                  </div>
                  <FieldError id={id} message={errors[target]} />
                </li>
              );
            })}
          </ol>
        )}
        <div class="council-actions">
          <button type="button" ref={addRef} onClick={add} aria-disabled={topics.length >= MAX_TOPICS || undefined} aria-describedby="settings-topics-count">
            <span aria-hidden="true">+ </span>
            {t('council.settings.add')}
          </button>
          <span class="muted" id="settings-topics-count">
            {topics.length >= MAX_TOPICS ? t('council.settings.full', { max: MAX_TOPICS }) : t('council.settings.topicCount', { count: topics.length, max: MAX_TOPICS })}
          </span>
        </div>
      </fieldset>

      {changedMeanwhile && <p class="info">{t('council.settings.changedMeanwhile')}</p>}
      <ErrorMessage message={failure ? errorText(failure) : null} />
      <div class="council-actions">
        <button type="submit" class="primary" aria-disabled={saving || undefined}>
          {t('council.settings.save')}
        </button>
        {/* aria-disabled, not disabled: a button that disables itself when pressed would drop the focus. */}
        <button type="button" onClick={() => dirty && undo()} aria-disabled={!dirty || undefined}>
          {t('council.settings.undo')}
        </button>
        {dirty && <span class="muted">{t('council.settings.unsaved')}</span>}
      </div>
      <p role="status" class="council-announce">
        {announcement}
      </p>
    </form>
  );
}
