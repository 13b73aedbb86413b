import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError } from '../../domain/errors.js';
import { CampusParams, problems } from '../../http/schemas.js';
import { useCaseContext } from '../../http/context.js';
import { getCampus } from '../../usecases/campuses.js';
import type { Subscriber } from '../../realtime/hub.js';
import { parseClientMessage } from '../../realtime/messages.js';

/** A client whose unsent frames pass this is too slow: it is dropped and will resynchronise. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

const LiveQuery = Type.Object(
  { after: Type.Optional(Type.Integer({ minimum: 0, description: 'The last event id you saw: every later event is sent first, in order' })) },
  { additionalProperties: false },
);

export const liveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.route({
    method: 'GET',
    url: '/campuses/:campusId/live',
      config: { access: 'campus.read' },
      // Unknown campus: a plain 404 before any upgrade.
      preHandler: async (request) => {
        getCampus(useCaseContext(request), request.params.campusId);
      },
      schema: {
        tags: ['live'],
        summary: 'WebSocket: every change on the campus, as it commits',
        description:
          'Authenticated by the session cookie at the upgrade, same Origin only. Server frames: hello {lastId}, event {id, action, entityType, entityId, schoolId, data}, resync {lastId} (refetch everything), presence {screen, people}. Client frames: {"type":"presence","screen":"…"|null}. Close 4008: you fell behind; reconnect with ?after=.',
        params: CampusParams,
        querystring: LiveQuery,
        response: {
          101: Type.Null({ description: 'Switching Protocols: the WebSocket is open' }),
          ...problems(400, 401, 403, 404, 426),
        },
      },
    // A plain GET (no Upgrade header) is told what to do instead.
    handler: async () => {
      throw new DomainError('upgrade_required', 'This is a WebSocket endpoint: connect with a WebSocket client.');
    },
    wsHandler: (socket, request) => {
      const campusId = request.params.campusId;
      const hub = app.liveHub;
      const user = app.commons.repos.users.get(request.actor.userId!)!;
      const subscriber: Subscriber = {
        userId: user.id,
        name: user.name,
        send: (frame) => {
          if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return false;
          socket.send(frame);
          return true;
        },
        close: (code, reason) => socket.close(code, reason),
      };
      // Listeners first, synchronously: a frame that arrives before them would be lost.
      socket.on('message', (data) => {
        const message = parseClientMessage(String(data));
        if (message) hub.setScreen(campusId, subscriber, message.screen);
      });
      socket.on('pong', () => {
        const state = app.liveSockets.get(socket);
        if (state) state.alive = true;
      });
      socket.on('close', () => {
        app.liveSockets.delete(socket);
        hub.unsubscribe(campusId, subscriber);
      });
      app.liveSockets.set(socket, { alive: true, sessionId: request.session!.id, campusId });
      hub.subscribe(campusId, subscriber, request.query.after ?? null);
    },
  });
};
