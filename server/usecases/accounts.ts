import { randomBytes } from 'node:crypto';
import { DomainError, invalidField, unknownReference } from '../domain/errors.js';
import { assertAcceptablePassword } from '../domain/passwords.js';
import { needsSchool, type Role } from '../domain/permissions.js';
import { inWriteTransaction } from '../db/connection.js';
import type { UserRow } from '../db/repositories/users.repository.js';
import { recordChange } from './audit.js';
import { requirePermission } from './authorize.js';
import { requireActiveCampus, requireCampus } from './campuses.js';
import type { UseCaseContext } from './context.js';
import { hashPassword, verifyPassword } from './passwords.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A password to hand over once: 20 random characters from a readable alphabet (~118 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(randomBytes(20), (b) => alphabet[b % alphabet.length]).join('');
}

/** What an API answer or the command line may show of a user: never the hash. */
export function publicUser(user: UserRow) {
  return { id: user.id, email: user.email, name: user.name, disabled: user.disabledAt !== null };
}

export interface NewUser {
  email: string;
  name: string;
  /** Omitted: a password is generated and returned once. */
  password?: string;
}

/** Creates the account (hashing happens before the write lock is taken). */
export async function createUser(ctx: UseCaseContext, input: NewUser): Promise<{ user: UserRow; generatedPassword: string | null }> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  if (!EMAIL.test(email)) throw invalidField('email', 'is not an e-mail address');
  if (!name) throw invalidField('name', 'must not be blank');
  const generatedPassword = input.password === undefined ? generatePassword() : null;
  const password = input.password ?? generatedPassword!;
  assertAcceptablePassword(password, [email, name]);
  const passwordHash = await hashPassword(password);
  const user = inWriteTransaction(ctx.repos.db, () => {
    if (ctx.repos.users.findByEmail(email)) throw invalidField('email', `an account with ${email} already exists`);
    const now = ctx.clock();
    const created = ctx.repos.users.insert({ email, name, passwordHash, createdAt: now, updatedAt: now });
    recordChange(ctx, { campusId: null, action: 'user.create', entityType: 'user', entityId: created.id, after: publicUser(created) });
    return created;
  });
  return { user, generatedPassword };
}

export interface MembershipInput {
  role: Role;
  schoolId: number | null;
}

/** Checks that the role fits the school: leads and council members act for a school, a principal for the building office. */
function validateMembership(ctx: UseCaseContext, campusId: number, input: MembershipInput): void {
  if (!needsSchool(input.role)) {
    if (input.schoolId !== null) throw invalidField('schoolId', `a ${input.role} does not act for a school; leave it null`);
    return;
  }
  if (input.schoolId === null) throw invalidField('schoolId', `a ${input.role} acts for a school: name it`);
  const school = ctx.repos.schools.get(input.schoolId);
  if (school?.campusId !== campusId) throw unknownReference('schoolId', 'school', input.schoolId);
  if (input.role === 'principal' && school.kind !== 'building') throw invalidField('schoolId', 'the building principal books for the building office (a school of kind building)');
  if (input.role !== 'principal' && school.kind === 'building') throw invalidField('schoolId', `a ${input.role} acts for an SLC or small school, not the building office`);
}

export function addMembership(ctx: UseCaseContext, campusId: number, userId: number, input: MembershipInput) {
  requireActiveCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'members.manage');
  validateMembership(ctx, campusId, input);
  return insertMembership(ctx, campusId, userId, input);
}

function insertMembership(ctx: UseCaseContext, campusId: number, userId: number, input: MembershipInput) {
  return inWriteTransaction(ctx.repos.db, () => {
    const existing = ctx.repos.users.findMembership(userId, campusId, input.role, input.schoolId);
    if (existing) return existing;
    const membership = ctx.repos.users.addMembership({ userId, campusId, role: input.role, schoolId: input.schoolId, createdAt: ctx.clock() });
    recordChange(ctx, { campusId, schoolId: input.schoolId, action: 'member.add', entityType: 'membership', entityId: membership.id, after: membership });
    return membership;
  });
}

/**
 * Gives a person a role on the campus, creating their account first when the e-mail is new
 * (everything is checked before anything is written, so a refused request leaves no account behind).
 */
export async function addMember(ctx: UseCaseContext, campusId: number, input: MembershipInput & { email: string; name?: string; password?: string }) {
  requireActiveCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'members.manage');
  validateMembership(ctx, campusId, input);
  let user = findUserByEmail(ctx, input.email);
  let initialPassword: string | null = null;
  if (!user) {
    if (!input.name?.trim()) throw invalidField('name', 'is required for a new account');
    const created = await createUser(ctx, { email: input.email, name: input.name, ...(input.password === undefined ? {} : { password: input.password }) });
    user = created.user;
    initialPassword = created.generatedPassword;
  }
  const membership = insertMembership(ctx, campusId, user.id, input);
  return { membership, user, initialPassword };
}

/** Removes a role; the last admin of a campus cannot be removed (nobody could set it up again). */
export function removeMembership(ctx: UseCaseContext, campusId: number, membershipId: number): void {
  requireActiveCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'members.manage');
  inWriteTransaction(ctx.repos.db, () => {
    const membership = ctx.repos.users.getMembership(membershipId);
    if (membership?.campusId !== campusId) throw new DomainError('not_found', `membership ${membershipId} does not exist on campus ${campusId}`);
    const admins = ctx.repos.users.membershipsOfCampus(campusId).filter((m) => m.membership.role === 'admin');
    if (membership.role === 'admin' && admins.length === 1) throw new DomainError('state', 'this is the last admin of the campus; add another admin first');
    ctx.repos.users.removeMembership(membershipId);
    recordChange(ctx, { campusId, schoolId: membership.schoolId, action: 'member.remove', entityType: 'membership', entityId: membershipId, before: membership });
  });
}

export function listMembers(ctx: UseCaseContext, campusId: number) {
  requireCampus(ctx, campusId);
  requirePermission(ctx.actor, campusId, 'members.manage');
  return ctx.repos.users.membershipsOfCampus(campusId).map(({ membership, user }) => ({ ...membership, user: publicUser(user) }));
}

function requireUserByEmail(ctx: UseCaseContext, email: string): UserRow {
  const user = ctx.repos.users.findByEmail(normaliseEmail(email));
  if (!user) throw new DomainError('not_found', `no account with e-mail ${normaliseEmail(email)}`);
  return user;
}

/** Sets a new password (generated when none is given) and ends every session of the account. */
export async function resetPassword(ctx: UseCaseContext, email: string, password?: string): Promise<{ user: UserRow; generatedPassword: string | null }> {
  const user = requireUserByEmail(ctx, email);
  const generatedPassword = password === undefined ? generatePassword() : null;
  const next = password ?? generatedPassword!;
  assertAcceptablePassword(next, [user.email, user.name]);
  const passwordHash = await hashPassword(next);
  inWriteTransaction(ctx.repos.db, () => {
    const now = ctx.clock();
    ctx.repos.users.update(user.id, { passwordHash, updatedAt: now });
    ctx.repos.sessions.revokeAllOfUser(user.id, now);
    recordChange(ctx, { campusId: null, action: 'user.reset_password', entityType: 'user', entityId: user.id });
  });
  return { user, generatedPassword };
}

/** A signed-in person changes their own password; their other sessions end. */
export async function changeOwnPassword(ctx: UseCaseContext, current: string, next: string, keepSessionId: number): Promise<void> {
  const user = ctx.actor.userId === null ? undefined : ctx.repos.users.get(ctx.actor.userId);
  if (!user) throw new DomainError('unauthenticated', 'Sign in first.');
  if (!(await verifyPassword(user.passwordHash, current))) throw invalidField('currentPassword', 'is not your current password');
  assertAcceptablePassword(next, [user.email, user.name], 'newPassword');
  const passwordHash = await hashPassword(next);
  inWriteTransaction(ctx.repos.db, () => {
    const now = ctx.clock();
    ctx.repos.users.update(user.id, { passwordHash, updatedAt: now });
    for (const s of ctx.repos.sessions.activeOfUser(user.id, now, Number.POSITIVE_INFINITY)) if (s.id !== keepSessionId) ctx.repos.sessions.revoke(s.id, now);
    recordChange(ctx, { campusId: null, action: 'user.change_password', entityType: 'user', entityId: user.id });
  });
}

/** Disabling ends every session at once; the account and its history stay. */
export function setUserDisabled(ctx: UseCaseContext, email: string, disabled: boolean): UserRow {
  const user = requireUserByEmail(ctx, email);
  return inWriteTransaction(ctx.repos.db, () => {
    const now = ctx.clock();
    const updated = ctx.repos.users.update(user.id, { disabledAt: disabled ? now : null, updatedAt: now });
    if (disabled) ctx.repos.sessions.revokeAllOfUser(user.id, now);
    recordChange(ctx, { campusId: null, action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: user.id, before: publicUser(user), after: publicUser(updated) });
    return updated;
  });
}

export function findUserByEmail(ctx: UseCaseContext, email: string): UserRow | undefined {
  return ctx.repos.users.findByEmail(normaliseEmail(email));
}
