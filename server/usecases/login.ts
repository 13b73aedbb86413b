import { DomainError } from '../domain/errors.js';
import { inWriteTransaction } from '../db/connection.js';
import { normaliseEmail } from './accounts.js';
import type { UseCaseContext } from './context.js';
import { decoyVerify, verifyPassword } from './passwords.js';
import { startSession, type SessionPolicy } from './sessions.js';

/**
 * Checks the password (slowly, on purpose) and starts a session; the same answer for unknown
 * e-mail and wrong password. A session the client already had is ended in the same transaction
 * (the new one has a new id: no fixation); a refused sign-in changes nothing.
 */
export async function logIn(
  ctx: UseCaseContext,
  input: { email: string; password: string },
  policy: SessionPolicy,
  client: { userAgent: string; ip: string; replacingSessionId: number | null },
) {
  const user = ctx.repos.users.findByEmail(normaliseEmail(input.email));
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : await decoyVerify(input.password);
  if (!user || !valid) throw new DomainError('auth.invalid_credentials', 'The e-mail or the password is wrong.');
  if (user.disabledAt !== null) throw new DomainError('auth.disabled', 'This account is disabled; ask a campus admin.');
  const { token, session } = inWriteTransaction(ctx.repos.db, () => {
    if (client.replacingSessionId !== null) ctx.repos.sessions.revoke(client.replacingSessionId, ctx.clock());
    return startSession(ctx, user, policy, client);
  });
  return { token, session, user };
}
