import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  COUNCIL_EXPORT_STYLE,
  COUNCIL_EXPORT_STYLE_HASH,
  escapeHtml,
  renderAgendaHtml,
  renderMinutesHtml,
} from '../../server/council-export/html.js';
import type { DetailLineView, MinutesView } from '../../server/council-export/view-model.js';
import { englishLabelsIn, userTextOf } from './english-leaks.js';
import { agendaView, CUSTOM_STANDING_TOPIC, ENGLISH_USER_TITLE, minutesView, SPANISH_USER_TITLE } from './fixtures.js';

/** The page's visible text: no style, no tags, entities decoded, spaces made plain. */
function visibleText(html: string): string {
  return html
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const HOSTILE = `<script>alert("x")</script><img src=x onerror='alert(1)'>&amp;`;

describe('escapeHtml', () => {
  it('escapes everything that could open a tag, end an attribute or start an entity', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('Niño ¿sí? 🎉')).toBe('Niño ¿sí? 🎉');
  });
});

describe('renderAgendaHtml', () => {
  const html = renderAgendaHtml(agendaView, 'en');

  it('is a complete, standalone document in the asked language', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Building Council agenda: Westlake Commons Campus, Tuesday, December 1, 2026</title>');
    expect(html).toContain('<h1>Building Council agenda</h1>');
    expect(html).not.toMatch(/<script|<link|\bsrc=|\bhref=|@import|url\(/i);
    expect(renderAgendaHtml(agendaView, 'es')).toMatch(/^<!doctype html>\n<html lang="es">/);
  });

  it('gives every header cell a scope', () => {
    const headers = html.match(/<th\b[^>]*>/g) ?? [];
    expect(headers.length).toBeGreaterThan(agendaView.items.length);
    for (const th of headers) expect(th).toMatch(/ scope="(col|row)"/);
  });

  it('inlines exactly the exported style, so the route can allow it by hash', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
    expect(style).toBe(COUNCIL_EXPORT_STYLE);
    expect(COUNCIL_EXPORT_STYLE_HASH).toBe(`sha256-${createHash('sha256').update(style ?? '').digest('base64')}`);
    expect(COUNCIL_EXPORT_STYLE).toContain('@media print');
  });

  it('puts a nonce on the style when asked, escaped', () => {
    expect(renderAgendaHtml(agendaView, 'en', { styleNonce: 'abc"x' })).toContain('<style nonce="abc&quot;x">');
  });

  it('lists the items in order with their times', () => {
    const text = visibleText(html);
    const titles = [
      'Approve the minutes of November 24, 2026',
      'Action item: Order new stage curtains',
      'Coming two weeks: high-impact bookings and closures',
      ENGLISH_USER_TITLE,
      SPANISH_USER_TITLE,
      'Security',
      'Arrival and departure times',
      CUSTOM_STANDING_TOPIC,
    ];
    const at = titles.map((t) => text.indexOf(t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(text).toContain('7:30 – 7:35 AM');
    expect(text).toContain('Total time: 48 min · Planned end: 8:18 AM');
  });

  it('prints generated detail lines from the dictionary: dates formatted, closure reasons named', () => {
    expect(html).toContain(
      '<div class="detail text">2026-12-08 18:00–20:30 · Auditorium · Winter showcase (1931; attendees: 400)\n2026-12-11 · Closed (Field, Track): Maintenance\nNote: Re-seeding the grass\n2026-12-14 – 2026-12-15 · Building closed: Testing day</div>',
    );
    expect(visibleText(html)).toContain('Action item: Order new stage curtains Owner: Dana Okafor (1931), due December 8, 2026');
  });

  it('in Spanish, prints the generated detail lines, the default standing topics and the action item in Spanish, and a custom topic as written', () => {
    const es = renderAgendaHtml(agendaView, 'es');
    expect(es).toContain(
      '<div class="detail text">2026-12-08 18:00–20:30 · Auditorium · Winter showcase (1931; asistentes: 400)\n2026-12-11 · Cierre (Field, Track): Mantenimiento\nNota: Re-seeding the grass\n2026-12-14 – 2026-12-15 · Cierre de todo el edificio: Día de exámenes</div>',
    );
    const text = visibleText(es);
    expect(text).toContain('Tarea pendiente: Order new stage curtains Responsable: Dana Okafor (1931); fecha límite: 8 de diciembre de 2026');
    expect(text).toContain('Próximas dos semanas: reservas de gran impacto y cierres');
    expect(text).toContain('8:03–8:08 a.m. Seguridad 5 min');
    expect(text).toContain('8:08–8:13 a.m. Horarios de llegada y salida 5 min');
    expect(text).toContain(`8:13–8:18 a.m. ${CUSTOM_STANDING_TOPIC} 5 min`);
    expect(englishLabelsIn(text, userTextOf(minutesView))).toEqual([]);
  });

  it('prints a detail line whose key the dictionary lacks as its English text, and a written detail as written', () => {
    const [first] = agendaView.items;
    const newer: DetailLineView[] = [
      { key: 'agenda.fromANewerVersion', params: { x: '1' }, text: 'A line from a newer version' },
      { key: 'agenda.closureNote', params: { note: 'Bring keys' }, text: 'Note: Bring keys' },
    ];
    const items = [
      { ...first!, detail: 'ignored', detailLines: newer },
      { ...first!, position: 2, detail: 'Written <by> a person', detailLines: null },
    ];
    const text = visibleText(renderAgendaHtml({ ...agendaView, items }, 'es'));
    expect(text).toContain('A line from a newer version Nota: Bring keys');
    expect(text).not.toContain('ignored');
    expect(text).toContain('Written <by> a person');
  });

  it('escapes hostile text wherever people can type it', () => {
    const hostile = renderAgendaHtml(
      {
        ...agendaView,
        campusName: HOSTILE,
        meeting: { ...agendaView.meeting, spaceName: HOSTILE, chair: { schoolCode: '"><b>', schoolName: HOSTILE } },
        items: agendaView.items.map((item) => ({ ...item, title: HOSTILE, titleKey: null, detail: `</style>${HOSTILE}`, detailLines: null, schoolCode: HOSTILE })),
      },
      'en',
    );
    expect(hostile).not.toMatch(/<script|<img|<b>|<\/style>[^\n]*<img/);
    expect(hostile.match(/<\/style>/g)).toHaveLength(1);
    expect(hostile).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;alert(1)&#39;&gt;&amp;amp;');
    expect(visibleText(hostile)).toContain(HOSTILE);
  });

  it('escapes hostile text inside a generated title and generated detail lines', () => {
    const lines: DetailLineView[] = [
      { key: 'agenda.closureNote', params: { note: HOSTILE }, text: 'x' },
      { key: 'agenda.unknown', params: {}, text: `</div>${HOSTILE}` },
    ];
    const items = [{ ...agendaView.items[1]!, titleParams: { what: HOSTILE }, detailLines: lines }];
    const hostile = renderAgendaHtml({ ...agendaView, items }, 'es');
    expect(hostile).not.toMatch(/<script|<img|<\/div><script/);
    expect(visibleText(hostile)).toContain(`Tarea pendiente: ${HOSTILE}`);
    expect(visibleText(hostile)).toContain(`Nota: ${HOSTILE} </div>${HOSTILE}`);
  });
});

describe('renderMinutesHtml', () => {
  it('shows attendance, quorum, the vote by school and the result', () => {
    const text = visibleText(renderMinutesHtml(minutesView, 'en'));
    expect(text).toContain('1944 Health Academy Represented Alternate: Luis Pérez');
    expect(text).toContain('Quorum: 6 schools present, 4 needed. Quorum was met.');
    expect(text).toContain('Yes (3) 1930, 1931, 1944');
    expect(text).toContain('No (1) 8547');
    expect(text).toContain('Abstain (1) 1957');
    expect(text).toContain('Did not vote (2) 1978, 2016');
    expect(text).toContain('Result: Carried (yes: 3, no: 1, abstentions: 1)');
    expect(text).toContain('Result: Failed (yes: 2, no: 2, abstentions: 0)');
    expect(text).toContain('Decision: Facilities will propose two other weeks.');
    expect(text).toContain('Status: Draft');
    expect(text).toContain('DRAFT: these minutes have not been approved');
  });

  it('keeps the line breaks of notes', () => {
    const html = renderMinutesHtml(minutesView, 'en');
    expect(html).toContain('<div class="text">The STEM Academy asks for the week after spring testing.\nFacilities will confirm the dates.</div>');
  });

  it('shows a locked status and the amendments, and no draft banner', () => {
    const locked: MinutesView = {
      ...minutesView,
      status: 'locked',
      amendments: [{ text: 'Item 4: the vote of 1930 was "yes", not "no".', byName: 'Dana Okafor', at: '2026-12-09T23:15:00Z' }],
    };
    const en = visibleText(renderMinutesHtml(locked, 'en'));
    expect(en).toContain('Status: Approved and locked');
    expect(en).not.toContain('DRAFT');
    expect(en).toContain('Amendment by Dana Okafor, Dec 9, 2026, 3:15 PM');
    expect(en).toContain('Item 4: the vote of 1930 was "yes", not "no".');
    const es = visibleText(renderMinutesHtml(locked, 'es'));
    expect(es).toContain('Estado: Aprobada y cerrada');
    expect(es).toContain('Enmienda de Dana Okafor, 9 dic 2026, 3:15 p.m.');
    expect(visibleText(renderMinutesHtml({ ...minutesView, status: 'approved' }, 'es'))).toContain('Estado: Aprobada');
  });

  it('in Spanish, prints every fixed label in Spanish and people’s text as written', () => {
    const view: MinutesView = { ...minutesView, amendments: [{ text: 'Se corrigió la hora.', byName: 'Ana Ruiz', at: '2026-12-09T23:15:00Z' }] };
    const text = visibleText(renderMinutesHtml(view, 'es'));
    expect(englishLabelsIn(text, userTextOf(view))).toEqual([]);
    expect(text).toContain(ENGLISH_USER_TITLE);
    expect(text).toContain(SPANISH_USER_TITLE);
    expect(text).toContain('Aprobación del acta del 24 de noviembre de 2026');
    expect(text).toContain('A favor (3) 1930, 1931, 1944');
    expect(text).toContain('Resultado: Aprobada (a favor: 3, en contra: 1, abstenciones: 1)');
    expect(text).toContain('Quórum: 6 escuelas presentes; se necesitan 4. Hubo quórum.');
    const agenda = visibleText(renderAgendaHtml(agendaView, 'es'));
    expect(englishLabelsIn(agenda, userTextOf(view))).toEqual([]);
    expect(agenda).toContain('Duración total: 48 min · Hora prevista de cierre: 8:18 a.m.');
    expect(text).toContain('3. Próximas dos semanas: reservas de gran impacto y cierres 7:38–7:43 a.m. · 5 min 2026-12-08 18:00–20:30 · Auditorium · Winter showcase (1931; asistentes: 400)');
    expect(text).toContain(`8. ${CUSTOM_STANDING_TOPIC}`);
  });

  it('the leak check does find an English label left in Spanish output', () => {
    expect(englishLabelsIn('Acta · Attendance by school · Presente', [])).toContain('Attendance by school');
    expect(englishLabelsIn('Acta · Asistencia · Presente', [])).toEqual([]);
    const english = visibleText(renderMinutesHtml(minutesView, 'en'));
    expect(englishLabelsIn(english, userTextOf(minutesView)).length).toBeGreaterThan(30);
  });
});
