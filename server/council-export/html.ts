/**
 * Printable, standalone HTML pages of a council meeting's agenda and minutes.
 *
 * Every piece of text that did not come from our dictionary is escaped with `escapeHtml`;
 * the dictionary's own strings are escaped too, so no string reaches the page unescaped.
 */
import {
  formatInstant,
  formatMeetingWhen,
  formatShortDate,
  formatTime,
  formatTimeRange,
  formatWeekdayDate,
  inAgendaOrder,
  itemDetail,
  itemTitle,
  labelsFor,
  motionResultLabel,
  voteGroups,
} from './format.js';
import { COUNCIL_EXPORT_STYLE } from './html-style.js';
import { interpolate, type ExportLabels } from './labels.js';
import type { AgendaItemView, AgendaView, ExportLanguage, MinutesItemView, MinutesView, MotionView, SchoolRef } from './view-model.js';

export { COUNCIL_EXPORT_STYLE, COUNCIL_EXPORT_STYLE_HASH } from './html-style.js';

export interface HtmlOptions {
  /** When the route allows the style by nonce rather than by hash. */
  styleNonce?: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const e = escapeHtml;

export function renderAgendaHtml(view: AgendaView, lang: ExportLanguage, options: HtmlOptions = {}): string {
  const labels = labelsFor(lang);
  const body = [header(view, labels.document.agenda, lang), '<main>', agendaTable(view, lang), '</main>'];
  return page(lang, title(view, labels.document.agenda, lang), body.join('\n'), options);
}

export function renderMinutesHtml(view: MinutesView, lang: ExportLanguage, options: HtmlOptions = {}): string {
  const labels = labelsFor(lang);
  const body = [
    header(view, labels.document.minutes, lang),
    statusBlock(view, labels),
    '<main>',
    attendanceSection(view, labels),
    `<h2 id="agenda-items">${e(labels.agendaTable.caption)}</h2>`,
    agendaTable(view, lang, 'agenda-items'),
    itemsSection(view, lang),
    actionItemsSection(view, lang),
    amendmentsSection(view, lang),
    '</main>',
  ];
  return page(lang, title(view, labels.document.minutes, lang), body.join('\n'), options);
}

function page(lang: ExportLanguage, pageTitle: string, body: string, options: HtmlOptions): string {
  const nonce = options.styleNonce === undefined ? '' : ` nonce="${e(options.styleNonce)}"`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(pageTitle)}</title>
<style${nonce}>${COUNCIL_EXPORT_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function title(view: AgendaView<AgendaItemView>, documentName: string, lang: ExportLanguage): string {
  return `${documentName}: ${view.campusName}, ${formatWeekdayDate(view.meeting.localStart, lang)}`;
}

function schoolText(school: SchoolRef | null, labels: ExportLabels): string {
  return school ? `${school.schoolCode} ${school.schoolName}` : labels.meeting.notAssigned;
}

function header(view: AgendaView<AgendaItemView>, documentName: string, lang: ExportLanguage): string {
  const labels = labelsFor(lang);
  const { meeting } = view;
  const rows: Array<[string, string]> = [
    [labels.meeting.when, formatMeetingWhen(meeting.localStart, meeting.localEnd, lang)],
    [labels.meeting.where, meeting.spaceName],
    [labels.meeting.chair, schoolText(meeting.chair, labels)],
    [labels.meeting.noteTaker, schoolText(meeting.noteTaker, labels)],
  ];
  return `<header>
<p class="campus">${e(view.campusName)}</p>
<h1>${e(documentName)}</h1>
<dl class="meeting">
${rows.map(([term, value]) => `<dt>${e(term)}</dt><dd>${e(value)}</dd>`).join('\n')}
</dl>
<p class="muted">${e(interpolate(labels.meeting.timesNote, { zone: view.timeZone }))}</p>
</header>`;
}

/** Captioned, or (under a heading of the same words) labelled by that heading. */
function agendaTable(view: AgendaView<AgendaItemView>, lang: ExportLanguage, labelledBy?: string): string {
  const labels = labelsFor(lang);
  const t = labels.agendaTable;
  const total = `<p>${e(interpolate(t.total, { minutes: view.totalMinutes, time: formatTime(view.plannedEnd, lang) }))}</p>`;
  if (view.items.length === 0) return `<p>${e(t.empty)}</p>\n${total}`;
  const rows = inAgendaOrder(view.items).map((item, index) => {
    const detail = detailBlock(item, lang);
    return `<tr><td class="num">${index + 1}</td><td class="nowrap">${e(formatTimeRange(item.start, item.end, lang))}</td><th scope="row"><span class="item-title">${e(itemTitle(item, lang))}</span>${detail}</th><td class="num">${e(interpolate(t.minutes, { count: item.minutes }))}</td><td>${e(item.schoolCode ?? '—')}</td></tr>`;
  });
  const label = labelledBy === undefined ? `>\n<caption>${e(t.caption)}</caption>` : ` aria-labelledby="${labelledBy}">`;
  return `<table class="agenda"${label}
<thead><tr><th scope="col">${e(t.number)}</th><th scope="col">${e(t.time)}</th><th scope="col">${e(t.item)}</th><th scope="col">${e(t.length)}</th><th scope="col">${e(t.school)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${total}`;
}

/** The item's detail in the export's language; nothing when there is none. */
function detailBlock(item: AgendaItemView, lang: ExportLanguage): string {
  const detail = itemDetail(item, lang);
  return detail.trim() === '' ? '' : `<div class="detail text">${e(detail)}</div>`;
}

function statusBlock(view: MinutesView, labels: ExportLabels): string {
  const lines = [`<p class="status">${e(labels.status.label)}: ${e(labels.status[view.status])}</p>`];
  if (view.status === 'draft') lines.push(`<p class="banner">${e(labels.status.draftBanner)}</p>`);
  if (view.status === 'approved' || view.status === 'locked') lines.push(`<p class="muted">${e(labels.status.finalNote)}</p>`);
  return lines.join('\n');
}

function attendanceSection(view: MinutesView, labels: ExportLabels): string {
  const a = labels.attendance;
  const rows = view.attendance.map(
    (row) => `<tr><th scope="row">${e(`${row.schoolCode} ${row.schoolName}`)}</th><td>${e(a[row.status])}</td><td class="text">${e(row.note ?? '')}</td></tr>`,
  );
  const quorum = interpolate(view.quorum.met ? a.quorumMet : a.quorumNotMet, { present: view.quorum.present, required: view.quorum.required });
  return `<section>
<h2>${e(a.heading)}</h2>
<table>
<thead><tr><th scope="col">${e(a.school)}</th><th scope="col">${e(a.status)}</th><th scope="col">${e(a.note)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<p><strong>${e(quorum)}</strong></p>
</section>`;
}

function itemsSection(view: MinutesView, lang: ExportLanguage): string {
  const labels = labelsFor(lang);
  const attendanceCodes = view.attendance.map((a) => a.schoolCode);
  const items = inAgendaOrder(view.items).map((item, index) => itemSection(item, index + 1, attendanceCodes, lang, labels));
  return `<section>
<h2>${e(labels.items.heading)}</h2>
${items.join('\n')}
</section>`;
}

function itemSection(item: MinutesItemView, number: number, attendanceCodes: string[], lang: ExportLanguage, labels: ExportLabels): string {
  const meta = [formatTimeRange(item.start, item.end, lang), interpolate(labels.agendaTable.minutes, { count: item.minutes })];
  if (item.schoolCode !== null) meta.push(`${labels.agendaTable.school} ${item.schoolCode}`);
  const notes = item.notes.trim() === '' ? `<p class="muted">${e(labels.items.noNotes)}</p>` : `<div class="text">${e(item.notes)}</div>`;
  const motions =
    item.motions.length === 0
      ? ''
      : `<h4>${e(labels.motions.heading)}</h4>\n${item.motions.map((m, i) => motionBlock(m, i + 1, attendanceCodes, labels)).join('\n')}`;
  return `<article>
<h3>${number}. ${e(itemTitle(item, lang))}</h3>
<p class="muted">${e(meta.join(' · '))}</p>
${detailBlock(item, lang)}
<h4>${e(labels.items.notes)}</h4>
${notes}
${motions}
</article>`;
}

function motionBlock(motion: MotionView, number: number, attendanceCodes: string[], labels: ExportLabels): string {
  const m = labels.motions;
  const people: string[] = [];
  if (motion.mover) people.push(`${e(m.movedBy)}: ${e(motion.mover)}`);
  if (motion.seconder) people.push(`${e(m.secondedBy)}: ${e(motion.seconder)}`);
  const groups = voteGroups(motion, attendanceCodes, labels);
  const votes =
    groups.length === 0
      ? ''
      : `<table class="votes">
<caption>${e(m.voteBySchool)}</caption>
<thead><tr><th scope="col">${e(m.vote)}</th><th scope="col">${e(m.schools)}</th></tr></thead>
<tbody>
${groups.map((g) => `<tr><th scope="row">${e(g.label)} (${g.schoolCodes.length})</th><td>${e(g.schoolCodes.join(', '))}</td></tr>`).join('\n')}
</tbody>
</table>`;
  const tally = motion.result === null ? '' : ` (${e(interpolate(m.tally, { yes: motion.yes, no: motion.no, abstain: motion.abstain }))})`;
  return `<div class="motion">
<p><strong>${e(interpolate(m.motion, { number }))}.</strong> <span class="text">${e(motion.text)}</span></p>
${people.length === 0 ? '' : `<p class="muted">${people.join(' · ')}</p>`}
${votes}
<p class="result">${e(m.result)}: ${e(motionResultLabel(motion.result, labels))}${tally}</p>
${motion.decision ? `<p><strong>${e(m.decision)}:</strong> <span class="text">${e(motion.decision)}</span></p>` : ''}
</div>`;
}

function actionItemsSection(view: MinutesView, lang: ExportLanguage): string {
  const a = labelsFor(lang).actionItems;
  if (view.actionItems.length === 0) return `<section>\n<h2>${e(a.heading)}</h2>\n<p>${e(a.empty)}</p>\n</section>`;
  const rows = view.actionItems.map((item) => {
    const owner = item.ownerSchoolCode ? `${item.ownerName} (${item.ownerSchoolCode})` : item.ownerName;
    const due = item.dueDate ? formatShortDate(item.dueDate, lang) : a.noDueDate;
    return `<tr><th scope="row" class="text">${e(item.what)}</th><td>${e(owner)}</td><td class="nowrap">${e(due)}</td><td>${e(a[item.status])}</td></tr>`;
  });
  return `<section>
<h2>${e(a.heading)}</h2>
<table>
<thead><tr><th scope="col">${e(a.what)}</th><th scope="col">${e(a.owner)}</th><th scope="col">${e(a.due)}</th><th scope="col">${e(a.status)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
}

function amendmentsSection(view: MinutesView, lang: ExportLanguage): string {
  if (view.amendments.length === 0) return '';
  const a = labelsFor(lang).amendments;
  const entries = view.amendments.map(
    (am) => `<li><p class="muted">${e(interpolate(a.by, { name: am.byName, when: formatInstant(am.at, view.timeZone, lang) }))}</p><div class="text">${e(am.text)}</div></li>`,
  );
  return `<section>
<h2>${e(a.heading)}</h2>
<ol class="amendments">
${entries.join('\n')}
</ol>
</section>`;
}
