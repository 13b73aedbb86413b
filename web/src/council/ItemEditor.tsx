/**
 * One agenda item's changes, under its "Change" button: its time-box, merging it into another
 * item, and withdrawing it (its own school's submitted item). Merging and withdrawing cannot be
 * undone, so each asks first.
 */
import { useState } from 'preact/hooks';
import { Dialog } from '../app/Dialog.js';
import { useT } from '../i18n/i18n.js';
import { parseMinutes } from './council-home.js';
import type { AgendaItem } from './council.types.js';
import { FieldError, fieldProps } from './Field.js';

interface Props {
  id: string;
  item: AgendaItem;
  /** The item's title in the reader's language. */
  name: string;
  others: Array<{ index: number; label: string }>;
  mayWithdraw: boolean;
  timeBox: (minutes: number) => Promise<boolean>;
  merge: (intoIndex: number) => Promise<boolean>;
  withdraw: () => Promise<boolean>;
}

export function ItemEditor({ id, item, name, others, mayWithdraw, timeBox, merge, withdraw }: Props) {
  const t = useT();
  const [minutes, setMinutes] = useState(String(item.minutes));
  const [minutesError, setMinutesError] = useState<string | null>(null);
  const [into, setInto] = useState('');
  const [confirming, setConfirming] = useState<'merge' | 'withdraw' | null>(null);
  const intoLabel = others.find((o) => String(o.index) === into)?.label.replace(/^\d+\.\s*/, '') ?? '';

  return (
    <div class="ai-edit" id={id}>
      <form
        class="ai-edit-row"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const value = parseMinutes(minutes);
          setMinutesError(value === null ? t('council.items.minutesInvalid') : null);
          if (value === null) document.getElementById(`${id}-minutes`)?.focus();
          else void timeBox(value);
        }}
      >
        <label for={`${id}-minutes`}>
          {t('council.items.timeBox')}
          <input type="number" inputMode="numeric" min={1} max={240} step={1} {...fieldProps(`${id}-minutes`, minutesError)} value={minutes} onInput={(e) => setMinutes(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('council.items.setTime')}</button>
        <FieldError id={`${id}-minutes`} message={minutesError} />
      </form>
      {others.length > 0 && (
        <form
          class="ai-edit-row"
          onSubmit={(e) => {
            e.preventDefault();
            if (into !== '') setConfirming('merge');
          }}
        >
          <label for={`${id}-into`}>
            {t('council.items.mergeInto')}
            <select id={`${id}-into`} value={into} onChange={(e) => setInto(e.currentTarget.value)}>
              <option value="">{t('council.items.chooseItem')}</option>
              {others.map((o) => (
                <option key={o.index} value={String(o.index)}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={into === ''}>
            {t('council.items.merge')}
          </button>
        </form>
      )}
      {mayWithdraw && (
        <div class="ai-edit-row">
          <button type="button" class="danger" aria-label={`${t('council.items.withdraw')}: ${name}`} onClick={() => setConfirming('withdraw')}>
            {t('council.items.withdraw')}
          </button>
        </div>
      )}
      {confirming === 'merge' && (
        <Confirm
          title={t('council.items.mergeTitle', { title: name })}
          body={t('council.items.mergeBody', { title: name, into: intoLabel })}
          action={t('council.items.merge')}
          onClose={() => setConfirming(null)}
          onConfirm={() => merge(Number(into))}
        />
      )}
      {confirming === 'withdraw' && (
        <Confirm
          title={t('council.items.withdrawTitle', { title: name })}
          body={t('council.items.withdrawBody')}
          action={t('council.items.withdraw')}
          danger
          onClose={() => setConfirming(null)}
          onConfirm={withdraw}
        />
      )}
    </div>
  );
}

function Confirm(props: { title: string; body: string; action: string; danger?: boolean; onClose: () => void; onConfirm: () => Promise<boolean> }) {
  const t = useT();
  const [working, setWorking] = useState(false);
  return (
    <Dialog title={props.title} onClose={props.onClose} fallbackFocus={() => document.getElementById('council-next-heading')}>
      <p>{props.body}</p>
      <div class="council-actions">
        <button
          type="button"
          class={props.danger ? 'danger' : 'primary'}
          disabled={working}
          onClick={() => {
            setWorking(true);
            void props.onConfirm().finally(() => {
              setWorking(false);
              props.onClose();
            });
          }}
        >
          {working ? t('council.items.saving') : props.action}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('app.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
