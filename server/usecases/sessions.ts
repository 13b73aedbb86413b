import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../domain/actor.js';
import { DomainError } from '../domain/errors.js';
import type { Membership } from '../domain/permissions.js';
import type { SessionRow } from '../db/repositories/sessions.repository.js';
import type { UserRow } from '../db/repositories/users.repository.js';
import type { Repositories } from '../db/repositories/index.js';
import type { UseCaseContext } from './context.js';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** lastSeenAt is written at most this often, so reading pages does not turn into a stream of writes. */
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** 256 random bits, URL-safe. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function membershipsOf(repos: Repositories, userId: number): Membership[] {
  return repos.users.membershipsOf(userId).map((m) => ({ campusId: m.campusId, role: m.role, schoolId: m.schoolId }));
}

/** Starts a session with a fresh token (never one the client brought: no fixation). */
export function startSession(ctx: Pick<UseCaseContext, 'repos' | 'clock'>, user: UserRow, policy: SessionPolicy, client: { userAgent: string; ip: string }) {
  const token = newToken();
  const now = ctx.clock();
  const session = ctx.repos.sessions.insert({
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken: newToken(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + policy.absoluteMs,
    userAgent: client.userAgent.slice(0, 300),
    ip: client.ip,
  });
  return { token, session };
}

export interface ResolvedSession {
  session: SessionRow;
  user: UserRow;
  actor: Actor;
}

/** The live session a cookie token names, or null when it is unknown, revoked, idle or expired. */
export function resolveSession(ctx: Pick<UseCaseContext, 'repos' | 'clock'>, token: string, policy: SessionPolicy): ResolvedSession | null {
  const session = ctx.repos.sessions.findByTokenHash(hashToken(token));
  const now = ctx.clock();
  if (!session || session.revokedAt !== null || session.expiresAt <= now || session.lastSeenAt + policy.idleMs <= now) return null;
  const user = ctx.repos.users.get(session.userId);
  if (!user || user.disabledAt !== null) return null;
  if (now - session.lastSeenAt >= TOUCH_EVERY_MS) ctx.repos.sessions.touch(session.id, now);
  return { session, user, actor: { userId: user.id, memberships: membershipsOf(ctx.repos, user.id), system: false } };
}

export function endSession(ctx: UseCaseContext, sessionId: number): void {
  ctx.repos.sessions.revoke(sessionId, ctx.clock());
}

export function listOwnSessions(ctx: UseCaseContext, policy: SessionPolicy) {
  if (ctx.actor.userId === null) throw new DomainError('unauthenticated', 'Sign in first.');
  return ctx.repos.sessions.activeOfUser(ctx.actor.userId, ctx.clock(), policy.idleMs);
}

/** A person may revoke any of their own sessions; someone else's is "not found". */
export function revokeOwnSession(ctx: UseCaseContext, sessionId: number): void {
  const session = ctx.repos.sessions.get(sessionId);
  if (!session || session.userId !== ctx.actor.userId) throw new DomainError('not_found', `session ${sessionId} does not exist`);
  ctx.repos.sessions.revoke(sessionId, ctx.clock());
}
