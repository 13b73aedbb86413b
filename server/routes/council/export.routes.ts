import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { COUNCIL_EXPORT_STYLE_HASH, renderAgendaHtml, renderMinutesHtml } from '../../council-export/html.js';
import { renderAgendaPdf, renderMinutesPdf } from '../../council-export/pdf.js';
import type { ExportLanguage } from '../../council-export/view-model.js';
import { useCaseContext } from '../../http/context.js';
import { problems } from '../../http/schemas.js';
import { agendaForExport, minutesForExport } from '../../usecases/council-exports.js';
import { MeetingParams } from './council.schemas.js';

const tags = ['council'];
const LangQuery = Type.Object(
  { lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('es')], { default: 'en', description: 'The language of every fixed label; what people wrote stays as written' })) },
  { additionalProperties: false },
);

/** The printable page has one inline stylesheet and nothing else: its own CSP allows exactly that. */
const PAGE_CSP = `default-src 'none'; style-src '${COUNCIL_EXPORT_STYLE_HASH}'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

const PAGE = { 200: { description: 'A standalone printable HTML page', content: { 'text/html': { schema: Type.String() } } }, ...problems(400, 401, 403, 404) };
const PDF = { 200: { description: 'A PDF document (US Letter)', content: { 'application/pdf': { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) } } }, ...problems(400, 401, 403, 404) };

const fileName = (what: 'agenda' | 'minutes', localStart: string, lang: ExportLanguage) => `council-${what}-${localStart.slice(0, 10)}-${lang}.pdf`;

/** Agenda and minutes of a meeting as a printable page and as PDF, in English or Spanish. */
export const councilExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const meetingUrl = '/campuses/:campusId/council/meetings/:meetingId';

  app.get(
    `${meetingUrl}/agenda.html`,
    { config: { access: 'campus.read' }, schema: { tags, summary: 'The agenda as a printable page', params: MeetingParams, querystring: LangQuery, response: PAGE } },
    async (request, reply) => {
      const view = agendaForExport(useCaseContext(request), request.params.campusId, request.params.meetingId);
      return reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(renderAgendaHtml(view, request.query.lang ?? 'en'));
    },
  );

  app.get(
    `${meetingUrl}/agenda.pdf`,
    { config: { access: 'campus.read' }, schema: { tags, summary: 'The agenda as PDF', params: MeetingParams, querystring: LangQuery, response: PDF } },
    async (request, reply) => {
      const lang = request.query.lang ?? 'en';
      const view = agendaForExport(useCaseContext(request), request.params.campusId, request.params.meetingId);
      const pdf = await renderAgendaPdf(view, lang);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName('agenda', view.meeting.localStart, lang)}"`).send(pdf);
    },
  );

  app.get(
    `${meetingUrl}/minutes.html`,
    { config: { access: 'campus.read' }, schema: { tags, summary: 'The minutes as a printable page (drafts: council members only)', params: MeetingParams, querystring: LangQuery, response: PAGE } },
    async (request, reply) => {
      const lang = request.query.lang ?? 'en';
      const view = minutesForExport(useCaseContext(request), request.params.campusId, request.params.meetingId, lang);
      return reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(renderMinutesHtml(view, lang));
    },
  );

  app.get(
    `${meetingUrl}/minutes.pdf`,
    { config: { access: 'campus.read' }, schema: { tags, summary: 'The minutes as PDF (drafts: council members only)', params: MeetingParams, querystring: LangQuery, response: PDF } },
    async (request, reply) => {
      const lang = request.query.lang ?? 'en';
      const view = minutesForExport(useCaseContext(request), request.params.campusId, request.params.meetingId, lang);
      const pdf = await renderMinutesPdf(view, lang);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName('minutes', view.meeting.localStart, lang)}"`).send(pdf);
    },
  );
};
