import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campuses, schools } from './campus.js';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stored lower-cased and trimmed: sign-in is case-insensitive. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id PHC string; never leaves the server. */
    passwordHash: text('password_hash').notNull(),
    disabledAt: integer('disabled_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_email').on(t.email)],
);

/**
 * A role a person holds on one campus. Leads and council members act for one school;
 * a principal books for the building office; admins and viewers have no school.
 */
export const memberships = sqliteTable(
  'memberships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => users.id),
    campusId: integer('campus_id').notNull().references(() => campuses.id),
    role: text('role', { enum: ['admin', 'principal', 'lead', 'council', 'viewer'] }).notNull(),
    schoolId: integer('school_id').references(() => schools.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('memberships_unique').on(t.userId, t.campusId, t.role, t.schoolId), index('memberships_campus').on(t.campusId)],
);

/**
 * Server-side sessions. Only a SHA-256 of the cookie's token is stored, so a copy of the
 * database does not hand out live sessions.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    userId: integer('user_id').notNull().references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    /** Absolute end, whatever the activity. */
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
    userAgent: text('user_agent').notNull().default(''),
    ip: text('ip').notNull().default(''),
  },
  (t) => [uniqueIndex('sessions_token').on(t.tokenHash), index('sessions_user').on(t.userId)],
);
