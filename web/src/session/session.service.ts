import { api, ApiError } from '../api/client.js';
import type { Me } from '../api/types.js';

/** Who is signed in, or null when nobody is. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('GET', '/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export const signIn = (email: string, password: string) => api<Me>('POST', '/auth/login', { body: { email, password } });
export const signOut = () => api<void>('POST', '/auth/logout');
