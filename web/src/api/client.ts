/**
 * The one API client. It knows the three things every call needs:
 * - the session is a cookie the browser sends by itself (same origin);
 * - every write carries the CSRF token from GET /api/me as `x-csrf-token`;
 * - errors are RFC 9457 problem+json: they become an ApiError with the stable code and the
 *   fields at fault, so forms can put each message beside its field.
 * Feature services (calendar.service.ts, booking.service.ts…) are thin typed functions over it.
 */

export interface FieldProblem {
  /** The field's path, e.g. "title" or "openHours/mon/0/open". */
  field: string;
  in?: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  fields?: FieldProblem[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
  /** The message for one field, if the server named it. */
  fieldMessage(field: string): string | undefined {
    const named = (f: FieldProblem) => f.field.replace(/^\/?(body\/)?/, '');
    return this.problem.fields?.find((f) => named(f) === field || named(f).startsWith(`${field}/`))?.message;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | boolean | undefined | null>;

let csrfToken: string | null = null;
/** Called with every 401 on a call made while signed in: the session ended (expired, revoked). */
let onSessionLost: () => void = () => undefined;

export const apiSession = {
  setCsrfToken(token: string | null): void {
    csrfToken = token;
  },
  onSessionLost(handler: () => void): void {
    onSessionLost = handler;
  },
};

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (typeof body.code === 'string') return { type: '', title: '', detail: '', ...body, status: response.status } as Problem;
    } catch {
      // fall through: not the JSON it claimed to be
    }
  }
  return { type: 'about:blank', title: response.statusText, status: response.status, detail: response.statusText || 'Request failed', code: `http.${response.status}` };
}

/** One API call: JSON in, JSON out, problem+json → ApiError; a network failure → ApiError code "network". */
export async function api<T>(method: Method, path: string, { body, query }: { body?: unknown; query?: Query } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(`/api${path}`, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Network error', status: 0, detail: 'The server cannot be reached', code: 'network' });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && csrfToken) onSessionLost();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
