import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { anonymousActor } from '../domain/actor.js';
import { DomainError } from '../domain/errors.js';
import type { SessionRow } from '../db/repositories/sessions.repository.js';
import { resolveSession, sameSecret, type SessionPolicy } from '../usecases/sessions.js';
import { checkAccess } from './access.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionRow | null;
  }
  interface FastifyInstance {
    sessionCookie: { name: string; set: (reply: FastifyReply, token: string, maxAgeMs: number) => void; clear: (reply: FastifyReply) => void };
    sessionPolicy: SessionPolicy;
  }
}

export interface AuthOptions {
  secure: boolean;
  policy: SessionPolicy;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/** Host and port as a URL normalises them (a default port is dropped); null when unparsable. */
function normalisedHost(protocol: string, host: string | undefined): string | null {
  try {
    return new URL(`${protocol}//${host ?? ''}`).host || null;
  } catch {
    return null;
  }
}

/** A browser's Origin, when sent, must be this server's own (host and port). */
function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let originUrl: URL | null = null;
  try {
    originUrl = new URL(origin);
  } catch {
    originUrl = null;
  }
  const own = originUrl && normalisedHost(originUrl.protocol, request.headers.host);
  if (!originUrl || own === null || originUrl.host !== own) throw new DomainError('auth.csrf', `Requests from ${origin} are not accepted.`);
}

/**
 * Sessions from the cookie, CSRF protection for cookie-authenticated writes, and each route's
 * declared access, all before the body is parsed: a refused request does no work.
 */
export const authPlugin = fp<AuthOptions>(
  async (app, { secure, policy }) => {
    await app.register(cookie);
    const name = secure ? '__Host-commons_session' : 'commons_session';
    app.decorate('sessionPolicy', policy);
    app.decorate('sessionCookie', {
      name,
      set: (reply, token, maxAgeMs) => {
        reply.setCookie(name, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: Math.floor(maxAgeMs / 1000) });
      },
      clear: (reply) => {
        reply.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax', secure });
      },
    });
    app.decorateRequest('session', null);

    app.addHook('onRequest', async (request) => {
      const token = request.cookies[name];
      const resolved = token ? resolveSession(app.commons, token, policy) : null;
      request.actor = resolved?.actor ?? anonymousActor;
      request.session = resolved?.session ?? null;
      // A WebSocket upgrade is a GET, but a cross-site page could open one with our cookie.
      if (request.ws) assertSameOrigin(request);
      if (UNSAFE.has(request.method)) {
        assertSameOrigin(request);
        // Signing in needs no token: there may be no session yet, and any old one is revoked.
        if (request.session && !request.routeOptions.config.csrfExempt) {
          const sent = request.headers[CSRF_HEADER];
          if (typeof sent !== 'string' || !sameSecret(sent, request.session.csrfToken)) {
            throw new DomainError('auth.csrf', `Send the ${CSRF_HEADER} header that GET /api/me returns.`);
          }
        }
      }
      checkAccess(request);
    });
  },
  { name: 'commons-auth', dependencies: ['commons-context'] },
);
