import { describe, expect, it } from 'vitest';
import { toWinAnsi } from '../../server/council-export/pdf-layout.js';
import { renderAgendaPdf, renderMinutesPdf } from '../../server/council-export/pdf.js';
import type { AgendaItemView, AgendaView, MinutesView } from '../../server/council-export/view-model.js';
import { englishLabelsIn, userTextOf } from './english-leaks.js';
import { agendaView, CUSTOM_STANDING_TOPIC, ENGLISH_USER_TITLE, minutesView, SPANISH_USER_TITLE } from './fixtures.js';
import { flat, pdfPages } from './pdf-text.js';

function expectInOrder(text: string, parts: string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

describe('toWinAnsi', () => {
  it('keeps Spanish and typographic characters the built-in fonts have', () => {
    const spanish = 'Niño, ¿sí? ¡Olé! Aprobación “acta” – 5 € … • œ';
    expect(toWinAnsi(spanish)).toBe(spanish);
    expect(toWinAnsi('an\u0303o')).toBe('año'); // decomposed ñ is composed first
  });

  it('turns Unicode spaces into spaces and anything unprintable into "?"', () => {
    expect(toWinAnsi('7:30\u202fAM\u2009–\u00a0x\ty')).toBe('7:30 AM – x y');
    expect(toWinAnsi('Gym 🎉 night 体育館 → ok')).toBe('Gym ? night ??? ? ok');
    expect(toWinAnsi('👩‍👩‍👧 ❤️')).toBe('??? ?'); // joiners and variation selectors print nothing
    expect(toWinAnsi('a\r\nb\rc\u0000')).toBe('a\nb\nc?');
  });
});

describe('renderAgendaPdf', () => {
  it('is a PDF whose text has the header, the items in order and their times', async () => {
    const pdf = await renderAgendaPdf(agendaView, 'en');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pdfPages(pdf);
    expect(pages).toHaveLength(1);
    const text = flat(pages.join('\n'));
    expectInOrder(text, [
      'Westlake Commons Campus',
      'Building Council agenda',
      'Date and time Tuesday, December 1, 2026, 7:30 – 8:30 AM',
      'Place Library',
      'Chair 1931 Arts & Media SLC',
      'Note-taker 1944 Health Academy',
    ]);
    expectInOrder(text, [
      '1 7:30 – 7:35 AM Approve the minutes of November 24, 2026 5 min',
      '2 7:35 – 7:38 AM Action item: Order new stage curtains Owner: Dana Okafor (1931), due December 8, 2026 3 min',
      '3 7:38 – 7:43 AM Coming two weeks: high-impact bookings and closures',
      '2026-12-08 18:00–20:30 · Auditorium · Winter showcase (1931; attendees: 400)',
      '2026-12-11 · Closed (Field, Track): Maintenance Note: Re-seeding the grass',
      '2026-12-14 – 2026-12-15 · Building closed: Testing day 5 min',
      `4 7:43 – 7:53 AM ${ENGLISH_USER_TITLE}`,
      `5 7:53 – 8:03 AM ${SPANISH_USER_TITLE}`,
      '6 8:03 – 8:08 AM Security 5 min',
      '7 8:08 – 8:13 AM Arrival and departure times 5 min',
      `8 8:13 – 8:18 AM ${CUSTOM_STANDING_TOPIC} 5 min`,
      'Total time: 48 min · Planned end: 8:18 AM',
      'Page 1 of 1',
    ]);
  });

  it('in Spanish, has only Spanish fixed labels and keeps people’s text as written', async () => {
    const text = flat((await pdfPages(await renderAgendaPdf(agendaView, 'es'))).join('\n'));
    expect(englishLabelsIn(text, userTextOf(minutesView))).toEqual([]);
    expectInOrder(text, [
      'Orden del día del Consejo del Edificio',
      'Fecha y hora martes, 1 de diciembre de 2026, 7:30–8:30 a.m.',
      '1 7:30–7:35 a.m. Aprobación del acta del 24 de noviembre de 2026 5 min',
      '2 7:35–7:38 a.m. Tarea pendiente: Order new stage curtains Responsable: Dana Okafor (1931); fecha límite: 8 de diciembre de 2026 3 min',
      '3 7:38–7:43 a.m. Próximas dos semanas: reservas de gran impacto y cierres',
      '2026-12-08 18:00–20:30 · Auditorium · Winter showcase (1931; asistentes: 400)',
      '2026-12-11 · Cierre (Field, Track): Mantenimiento Nota: Re-seeding the grass',
      '2026-12-14 – 2026-12-15 · Cierre de todo el edificio: Día de exámenes 5 min',
      `4 7:43–7:53 a.m. ${ENGLISH_USER_TITLE}`,
      `5 7:53–8:03 a.m. ${SPANISH_USER_TITLE}`,
      '6 8:03–8:08 a.m. Seguridad 5 min',
      '7 8:08–8:13 a.m. Horarios de llegada y salida 5 min',
      `8 8:13–8:18 a.m. ${CUSTOM_STANDING_TOPIC} 5 min`,
      'Duración total: 48 min · Hora prevista de cierre: 8:18 a.m.',
      'Página 1 de 1',
    ]);
  });

  it('prints "?" for characters the built-in font lacks, instead of garbage or a crash', async () => {
    const items = [{ ...agendaView.items[3]!, title: 'Gym 🎉 night 体育館', detail: 'Ünïcödé ok; 🙂' }];
    const text = flat((await pdfPages(await renderAgendaPdf({ ...agendaView, items }, 'es'))).join('\n'));
    expect(text).toContain('Gym ? night ???');
    expect(text).toContain('Ünïcödé ok; ?');
  });

  it('spreads a long agenda over pages, numbered "Page n of m", with the header row on each', async () => {
    const items: AgendaItemView[] = Array.from({ length: 70 }, (_, i) => {
      const start = 7 * 60 + i * 5;
      const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return { ...agendaView.items[3]!, position: i + 1, title: `Submitted item number ${i + 1}`, detail: i % 3 === 0 ? 'A detail line.\nAnd another.' : '', start: hhmm(start), end: hhmm(start + 5), minutes: 5 };
    });
    const long: AgendaView = { ...agendaView, items, totalMinutes: 350, plannedEnd: '12:50' };
    for (const [lang, page, header] of [
      ['en', (n: number, m: number) => `Page ${n} of ${m}`, 'No. Time Item Length School'],
      ['es', (n: number, m: number) => `Página ${n} de ${m}`, 'N.º Hora Tema Duración Escuela'],
    ] as const) {
      const pages = await pdfPages(await renderAgendaPdf(long, lang));
      expect(pages.length).toBeGreaterThanOrEqual(3);
      pages.forEach((text, i) => {
        expect(text).toContain(page(i + 1, pages.length));
        expect(text).toContain(header);
        for (let n = 1; n <= pages.length; n++) if (n !== i + 1) expect(text).not.toContain(page(n, pages.length));
      });
      expectInOrder(flat(pages.join('\n')), items.map((item) => item.title));
    }
  });
});

describe('renderMinutesPdf', () => {
  it('has attendance, quorum, notes, the vote by school, results, decisions and action items', async () => {
    const pages = await pdfPages(await renderMinutesPdf(minutesView, 'en'));
    const text = flat(pages.join('\n'));
    expectInOrder(text, [
      'Building Council minutes',
      'Status: Draft',
      'DRAFT: these minutes have not been approved',
      'Attendance by school',
      '1944 Health Academy Represented Alternate: Luis Pérez',
      '2016 Newcomer International SLC Absent',
      'Quorum: 6 schools present, 4 needed. Quorum was met.',
      'Items and notes',
      '1. Approve the minutes of November 24, 2026',
      'Notes No corrections were requested.',
      'Motion 1 To approve the minutes of November 24 as circulated.',
      'Moved by: Dana Okafor (1931) · Seconded by: Luis Pérez (1944)',
      'Vote by school Vote Schools Yes (3) 1930, 1931, 1944 No (1) 8547 Abstain (1) 1957 Did not vote (2) 1978, 2016',
      'Result: Carried (yes: 3, no: 1, abstentions: 1)',
      `4. ${ENGLISH_USER_TITLE}`,
      'The STEM Academy asks for the week after spring testing. Facilities will confirm the dates.',
      'Yes (2) 1944, 1978 No (2) 1930, 1931 Did not vote (3) 1957, 2016, 8547',
      'Result: Failed (yes: 2, no: 2, abstentions: 0)',
      'Decision: Facilities will propose two other weeks.',
      'Action items',
      'Task Owner Due date Status',
      'Ask the district for the curtain order number Dana Okafor (1931) Dec 8, 2026 Open',
      'Post the winter showcase set-up times Kim Tran (1978) No due date Done',
    ]);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page).toContain('DRAFT'); // the watermark, on every page of a draft
    });
  });

  it('shows a locked status and the amendments, without the draft mark', async () => {
    const locked: MinutesView = { ...minutesView, status: 'locked', amendments: [{ text: 'Se corrigió la hora del tema 5.', byName: 'Ana Ruiz', at: '2026-12-09T23:15:00Z' }] };
    const en = flat((await pdfPages(await renderMinutesPdf(locked, 'en'))).join('\n'));
    expect(en).toContain('Status: Approved and locked');
    expect(en).toContain('These minutes are final.');
    expect(en).not.toContain('DRAFT');
    expectInOrder(en, ['Amendments', 'Amendment by Ana Ruiz, Dec 9, 2026, 3:15 PM', 'Se corrigió la hora del tema 5.']);
    const es = flat((await pdfPages(await renderMinutesPdf(locked, 'es'))).join('\n'));
    expect(es).toContain('Estado: Aprobada y cerrada');
    expect(es).not.toContain('BORRADOR');
    expect(es).toContain('Enmienda de Ana Ruiz, 9 dic 2026, 3:15 p.m.');
    expect(englishLabelsIn(es, userTextOf(locked))).toEqual([]);
  });

  it('in Spanish, has only Spanish fixed labels and keeps people’s text as written', async () => {
    const english = flat((await pdfPages(await renderMinutesPdf(minutesView, 'en'))).join('\n'));
    expect(englishLabelsIn(english, userTextOf(minutesView)).length).toBeGreaterThan(30); // the check can see labels
    const text = flat((await pdfPages(await renderMinutesPdf(minutesView, 'es'))).join('\n'));
    expect(englishLabelsIn(text, userTextOf(minutesView))).toEqual([]);
    expectInOrder(text, [
      'Acta del Consejo del Edificio',
      'Estado: Borrador',
      'BORRADOR: esta acta aún no ha sido aprobada',
      'Asistencia por escuela',
      '1944 Health Academy Representada Alternate: Luis Pérez',
      'Quórum: 6 escuelas presentes; se necesitan 4. Hubo quórum.',
      'Temas y notas',
      'Moción 1 To approve the minutes of November 24 as circulated.',
      'Presentada por: Dana Okafor (1931) · Secundada por: Luis Pérez (1944)',
      'Votación por escuela Voto Escuelas A favor (3) 1930, 1931, 1944 En contra (1) 8547 Abstención (1) 1957 No votaron (2) 1978, 2016',
      'Resultado: Aprobada (a favor: 3, en contra: 1, abstenciones: 1)',
      '2. Tarea pendiente: Order new stage curtains 7:35–7:38 a.m. · 3 min Responsable: Dana Okafor (1931); fecha límite: 8 de diciembre de 2026 Notas',
      '3. Próximas dos semanas: reservas de gran impacto y cierres 7:38–7:43 a.m. · 5 min 2026-12-08 18:00–20:30 · Auditorium',
      'Cierre de todo el edificio: Día de exámenes Notas No se tomaron notas.',
      `4. ${ENGLISH_USER_TITLE}`,
      'Resultado: Rechazada',
      'Decisión: Facilities will propose two other weeks.',
      '6. Seguridad 8:03–8:08 a.m.',
      '7. Horarios de llegada y salida 8:08–8:13 a.m.',
      `8. ${CUSTOM_STANDING_TOPIC} 8:13–8:18 a.m.`,
      'Tareas asignadas',
      'Ask the district for the curtain order number Dana Okafor (1931) 8 dic 2026 Pendiente',
      'Sin fecha límite Terminada',
    ]);
  });

  it('says when a motion failed for want of quorum or is not voted yet', async () => {
    const [first, ...rest] = minutesView.items;
    const motion = first!.motions[0]!;
    const items = [{ ...first!, motions: [{ ...motion, result: 'no_quorum' as const }, { ...motion, votes: [], yes: 0, no: 0, abstain: 0, result: null }] }, ...rest];
    const view: MinutesView = { ...minutesView, items, quorum: { present: 2, required: 4, met: false } };
    const text = flat((await pdfPages(await renderMinutesPdf(view, 'es'))).join('\n'));
    expect(text).toContain('No hubo quórum.');
    expect(text).toContain('Resultado: Sin validez: no hubo quórum');
    expect(text).toContain('Resultado: Aún no se ha votado');
  });
});
