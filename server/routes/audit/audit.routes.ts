import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { useCaseContext } from '../../http/context.js';
import { CampusParams, IdSchema, InstantSchema, iso, problems } from '../../http/schemas.js';
import { listAudit } from '../../usecases/audit.js';

const AuditQuery = Type.Object(
  {
    actorUserId: Type.Optional(IdSchema),
    action: Type.Optional(Type.String({ maxLength: 80, description: 'An action (booking.create) or a prefix ending in a dot (booking.)' })),
    entityType: Type.Optional(Type.String({ maxLength: 40 })),
    entityId: Type.Optional(IdSchema),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    beforeId: Type.Optional(IdSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

const AuditEntry = Type.Object({
  id: IdSchema,
  at: InstantSchema,
  campusId: Type.Union([IdSchema, Type.Null()]),
  schoolId: Type.Union([IdSchema, Type.Null()]),
  actorUserId: Type.Union([IdSchema, Type.Null()], { description: 'null: the system (seed, command line)' }),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.Integer(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/campuses/:campusId/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['accounts'],
        summary: 'The audit trail: every change with who, when, before and after (newest first)',
        description: 'Page with beforeId = the last id you received.',
        params: CampusParams,
        querystring: AuditQuery,
        response: { 200: Type.Array(AuditEntry), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { from, to, limit = 100, ...filter } = request.query;
      const rows = listAudit(useCaseContext(request), {
        ...filter,
        campusId: request.params.campusId,
        limit,
        ...(from === undefined ? {} : { fromMs: Date.parse(from) }),
        ...(to === undefined ? {} : { toMs: Date.parse(to) }),
      });
      return rows.map((r) => ({ ...r, at: iso(r.at) }));
    },
  );
};
