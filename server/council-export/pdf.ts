/**
 * The council meeting's agenda and minutes as PDF (US Letter), drawn with pdfkit and its
 * built-in Helvetica: no font file to ship, and Spanish prints in full (see toWinAnsi for
 * the characters it cannot print).
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
import { interpolate, type ExportLabels } from './labels.js';
import {
  BOLD,
  createDoc,
  finishPages,
  FONT,
  GREY,
  ITALIC,
  paragraph,
  heading,
  table,
  toBuffer,
  toWinAnsi,
  contentWidth,
  ensureSpace,
  type Cell,
  type Doc,
} from './pdf-layout.js';
import type { AgendaItemView, AgendaView, ExportLanguage, MinutesItemView, MinutesView, MotionView, SchoolRef } from './view-model.js';

const LOCALES: Record<ExportLanguage, string> = { en: 'en-US', es: 'es-US' };

export function renderAgendaPdf(view: AgendaView, lang: ExportLanguage): Promise<Buffer> {
  const labels = labelsFor(lang);
  const doc = createDoc(documentTitle(view, labels.document.agenda, lang), LOCALES[lang]);
  return toBuffer(doc, () => {
    header(doc, view, labels.document.agenda, lang);
    agendaTable(doc, view, lang);
    finishPages(doc, footerText(view, labels.document.agenda, lang), pageLabel(labels));
  });
}

export function renderMinutesPdf(view: MinutesView, lang: ExportLanguage): Promise<Buffer> {
  const labels = labelsFor(lang);
  const doc = createDoc(documentTitle(view, labels.document.minutes, lang), LOCALES[lang]);
  return toBuffer(doc, () => {
    header(doc, view, labels.document.minutes, lang);
    status(doc, view, labels);
    attendance(doc, view, labels);
    heading(doc, labels.agendaTable.caption, 13, 60);
    agendaTable(doc, view, lang);
    heading(doc, labels.items.heading, 13, 110);
    const attendanceCodes = view.attendance.map((a) => a.schoolCode);
    inAgendaOrder(view.items).forEach((item, index) => minutesItem(doc, item, index + 1, attendanceCodes, lang, labels));
    actionItems(doc, view, lang, labels);
    amendments(doc, view, lang, labels);
    const watermark = view.status === 'draft' ? labels.status.watermark : undefined;
    finishPages(doc, footerText(view, labels.document.minutes, lang), pageLabel(labels), watermark);
  });
}

function documentTitle(view: AgendaView<AgendaItemView>, documentName: string, lang: ExportLanguage): string {
  return `${documentName}: ${view.campusName}, ${formatWeekdayDate(view.meeting.localStart, lang)}`;
}

function footerText(view: AgendaView<AgendaItemView>, documentName: string, lang: ExportLanguage): string {
  return `${view.campusName} · ${documentName} · ${formatShortDate(view.meeting.localStart, lang)}`;
}

function pageLabel(labels: ExportLabels) {
  return (page: number, pages: number) => interpolate(labels.footer.page, { page, pages });
}

function schoolText(school: SchoolRef | null, labels: ExportLabels): string {
  return school ? `${school.schoolCode} ${school.schoolName}` : labels.meeting.notAssigned;
}

function header(doc: Doc, view: AgendaView<AgendaItemView>, documentName: string, lang: ExportLanguage): void {
  const labels = labelsFor(lang);
  const { meeting } = view;
  paragraph(doc, view.campusName, { size: 10, color: GREY, gapAfter: 2 });
  paragraph(doc, documentName, { font: BOLD, size: 18, gapAfter: 8 });
  const rows: Array<[string, string]> = [
    [labels.meeting.when, formatMeetingWhen(meeting.localStart, meeting.localEnd, lang)],
    [labels.meeting.where, meeting.spaceName],
    [labels.meeting.chair, schoolText(meeting.chair, labels)],
    [labels.meeting.noteTaker, schoolText(meeting.noteTaker, labels)],
  ];
  const left = doc.page.margins.left;
  const termWidth = 100;
  for (const [term, value] of rows) {
    const top = doc.y;
    doc.font(BOLD).fontSize(10).fillColor('black').text(toWinAnsi(term), left, top, { width: termWidth - 6 });
    const afterTerm = doc.y;
    doc.font(FONT).text(toWinAnsi(value), left + termWidth, top, { width: contentWidth(doc) - termWidth });
    doc.y = Math.max(doc.y, afterTerm) + 2;
  }
  doc.y += 2;
  paragraph(doc, interpolate(labels.meeting.timesNote, { zone: view.timeZone }), { size: 8.5, color: GREY, gapAfter: 8 });
}

function agendaTable(doc: Doc, view: AgendaView<AgendaItemView>, lang: ExportLanguage): void {
  const t = labelsFor(lang).agendaTable;
  if (view.items.length === 0) paragraph(doc, t.empty);
  else {
    const rows: Cell[][] = inAgendaOrder(view.items).map((item, index) => {
      const detail = itemDetail(item, lang).trim();
      return [
        { text: String(index + 1) },
        { text: formatTimeRange(item.start, item.end, lang) },
        { text: itemTitle(item, lang), bold: true, ...(detail ? { sub: detail } : {}) },
        { text: interpolate(t.minutes, { count: item.minutes }) },
        { text: item.schoolCode ?? '—' },
      ];
    });
    table(
      doc,
      [
        { header: t.number, weight: 0.45, align: 'right' },
        { header: t.time, weight: 1.35 },
        { header: t.item, weight: 5 },
        { header: t.length, weight: 0.95, align: 'right' },
        { header: t.school, weight: 0.8 },
      ],
      rows,
    );
  }
  paragraph(doc, interpolate(t.total, { minutes: view.totalMinutes, time: formatTime(view.plannedEnd, lang) }), { size: 10, gapAfter: 6 });
}

function status(doc: Doc, view: MinutesView, labels: ExportLabels): void {
  paragraph(doc, `${labels.status.label}: ${labels.status[view.status]}`, { font: BOLD, size: 11, gapAfter: 4 });
  if (view.status === 'draft') paragraph(doc, labels.status.draftBanner, { font: BOLD, size: 13, color: '#b00000', gapAfter: 6 });
  if (view.status === 'approved' || view.status === 'locked') paragraph(doc, labels.status.finalNote, { size: 9, color: GREY, gapAfter: 6 });
}

function attendance(doc: Doc, view: MinutesView, labels: ExportLabels): void {
  const a = labels.attendance;
  heading(doc, a.heading, 13);
  table(
    doc,
    [
      { header: a.school, weight: 3 },
      { header: a.status, weight: 1.3 },
      { header: a.note, weight: 2.5 },
    ],
    view.attendance.map((row) => [{ text: `${row.schoolCode} ${row.schoolName}` }, { text: a[row.status] }, { text: row.note ?? '' }]),
  );
  const quorum = interpolate(view.quorum.met ? a.quorumMet : a.quorumNotMet, { present: view.quorum.present, required: view.quorum.required });
  paragraph(doc, quorum, { font: BOLD, size: 10, gapAfter: 6 });
}

function minutesItem(doc: Doc, item: MinutesItemView, number: number, attendanceCodes: string[], lang: ExportLanguage, labels: ExportLabels): void {
  heading(doc, `${number}. ${itemTitle(item, lang)}`, 11.5, 50);
  const meta = [formatTimeRange(item.start, item.end, lang), interpolate(labels.agendaTable.minutes, { count: item.minutes })];
  if (item.schoolCode !== null) meta.push(`${labels.agendaTable.school} ${item.schoolCode}`);
  paragraph(doc, meta.join(' · '), { size: 9, color: GREY });
  const detail = itemDetail(item, lang).trim();
  if (detail) paragraph(doc, detail, { size: 9, color: GREY });
  paragraph(doc, labels.items.notes, { font: BOLD, size: 10, gapAfter: 1 });
  if (item.notes.trim()) paragraph(doc, item.notes.trim(), { size: 10, gapAfter: 4 });
  else paragraph(doc, labels.items.noNotes, { font: ITALIC, size: 10, color: GREY, gapAfter: 4 });
  item.motions.forEach((motion, index) => motionBlock(doc, motion, index + 1, attendanceCodes, labels));
}

function motionBlock(doc: Doc, motion: MotionView, number: number, attendanceCodes: string[], labels: ExportLabels): void {
  const m = labels.motions;
  const indent = 14;
  heading(doc, `${interpolate(m.motion, { number })}`, 10, 60);
  paragraph(doc, motion.text, { size: 10, indent });
  const people: string[] = [];
  if (motion.mover) people.push(`${m.movedBy}: ${motion.mover}`);
  if (motion.seconder) people.push(`${m.secondedBy}: ${motion.seconder}`);
  if (people.length > 0) paragraph(doc, people.join(' · '), { size: 9, color: GREY, indent });
  const groups = voteGroups(motion, attendanceCodes, labels);
  if (groups.length > 0) {
    ensureSpace(doc, 40 + (groups.length + 1) * 21); // the vote table does not leave its result behind
    paragraph(doc, m.voteBySchool, { font: BOLD, size: 9, indent, gapAfter: 1 });
    table(
      doc,
      [
        { header: m.vote, weight: 1.3 },
        { header: m.schools, weight: 5 },
      ],
      groups.map((g) => [{ text: `${g.label} (${g.schoolCodes.length})` }, { text: g.schoolCodes.join(', ') }]),
      { size: 9, indent },
    );
  }
  const tally = motion.result === null ? '' : ` (${interpolate(m.tally, { yes: motion.yes, no: motion.no, abstain: motion.abstain })})`;
  ensureSpace(doc, motion.decision ? 32 : 16); // the result stays with its decision
  paragraph(doc, `${m.result}: ${motionResultLabel(motion.result, labels)}${tally}`, { font: BOLD, size: 10, indent });
  if (motion.decision) paragraph(doc, `${m.decision}: ${motion.decision}`, { size: 10, indent, gapAfter: 6 });
}

function actionItems(doc: Doc, view: MinutesView, lang: ExportLanguage, labels: ExportLabels): void {
  const a = labels.actionItems;
  heading(doc, a.heading, 13);
  if (view.actionItems.length === 0) {
    paragraph(doc, a.empty);
    return;
  }
  table(
    doc,
    [
      { header: a.what, weight: 4 },
      { header: a.owner, weight: 2.2 },
      { header: a.due, weight: 1.3 },
      { header: a.status, weight: 1.1 },
    ],
    view.actionItems.map((item) => [
      { text: item.what },
      { text: item.ownerSchoolCode ? `${item.ownerName} (${item.ownerSchoolCode})` : item.ownerName },
      { text: item.dueDate ? formatShortDate(item.dueDate, lang) : a.noDueDate },
      { text: a[item.status] },
    ]),
  );
}

function amendments(doc: Doc, view: MinutesView, lang: ExportLanguage, labels: ExportLabels): void {
  if (view.amendments.length === 0) return;
  heading(doc, labels.amendments.heading, 13);
  for (const amendment of view.amendments) {
    const by = interpolate(labels.amendments.by, { name: amendment.byName, when: formatInstant(amendment.at, view.timeZone, lang) });
    heading(doc, by, 9.5, 30);
    paragraph(doc, amendment.text, { size: 10, gapAfter: 6 });
  }
}
