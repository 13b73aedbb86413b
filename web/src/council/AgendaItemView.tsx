/** One agenda item: its planned time, title (with the submitting school), detail and, for members, its buttons. */
import type { ComponentChildren } from 'preact';
import type { School } from '../api/types.js';
import { SchoolChip } from '../app/SchoolChip.js';
import { useT } from '../i18n/i18n.js';
import type { AgendaItem } from './council.types.js';

/** Detail lines shown before "Show all": the fortnight's list can run to dozens. */
const PREVIEW_LINES = 3;

interface Props {
  item: AgendaItem;
  index: number;
  count: number;
  /** Title and detail lines in the reader's language. */
  name: string;
  lines: string[];
  school: School | undefined;
  /** Its planned time, "7:35 – 7:45 AM". */
  span: string;
  arranging: boolean;
  editorId: string;
  editing: boolean;
  onMove: (delta: -1 | 1) => void;
  onToggle: () => void;
  /** The item's editor, when open. */
  children?: ComponentChildren;
}

export function AgendaItemView({ item, index, count, name, lines, school, span, arranging, editorId, editing, onMove, onToggle, children }: Props) {
  const t = useT();
  return (
    <li class="agenda-item">
      <div class="ai-row">
        <div class="ai-main">
          <p class="ai-time">
            {span} · {t('council.items.minutes', { count: item.minutes })}
          </p>
          <p class="ai-title">
            {school && (
              <>
                <span class="visually-hidden">{t('council.items.submittedBy')} </span>
                <SchoolChip schoolId={school.id} code={school.locationCode} />{' '}
              </>
            )}
            <strong>{name}</strong>
          </p>
          {/* Generated lines are a list; what people wrote stays paragraphs. */}
          {item.detailLines ? (
            <DetailLines lines={lines} />
          ) : (
            lines.map((line, i) => (
              <p key={i} class="ai-written">
                {line}
              </p>
            ))
          )}
          {item.merged.length > 0 && <p class="muted">{t('council.items.includes', { titles: item.merged.map((m) => m.title).join('; ') })}</p>}
        </div>
        {arranging && (
          // data-pos/data-move: the list gives the focus back to the moved item's button.
          <div class="ai-tools">
            <button type="button" data-pos={index} data-move="up" aria-label={`${t('council.items.moveUp')}: ${name}`} disabled={index === 0} onClick={() => onMove(-1)}>
              <span aria-hidden="true">↑ </span>
              {t('council.items.moveUp')}
            </button>
            <button type="button" data-pos={index} data-move="down" aria-label={`${t('council.items.moveDown')}: ${name}`} disabled={index === count - 1} onClick={() => onMove(1)}>
              <span aria-hidden="true">↓ </span>
              {t('council.items.moveDown')}
            </button>
            <button type="button" aria-label={`${t('council.items.change')}: ${name}`} aria-expanded={editing} aria-controls={editorId} onClick={onToggle}>
              {t('council.items.change')}
            </button>
          </div>
        )}
      </div>
      {children}
    </li>
  );
}

function DetailLines({ lines }: { lines: string[] }) {
  const t = useT();
  if (lines.length === 0) return null;
  const preview = lines.length <= PREVIEW_LINES + 1 ? lines : lines.slice(0, PREVIEW_LINES);
  return (
    <>
      <ul class="ai-detail">
        {preview.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {preview.length < lines.length && (
        <details class="ai-more">
          <summary>{t('council.items.showAll', { count: lines.length })}</summary>
          <ul class="ai-detail">
            {lines.slice(PREVIEW_LINES).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
