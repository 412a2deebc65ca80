// The browser's side of the API: JSON in and out, the CSRF token on every write, and errors
// with the fields at fault.
export type ApiError = { code: string; message: string; hint: string; errors: { field: string; message: string }[] };

let csrf: string | null = null;

export function setCsrf(token: string | null): void {
  csrf = token;
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly body: ApiError) {
    super(body.message);
  }
}

export async function api<T = any>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  const data = await res.json().catch(() => ({ code: 'DRW_INTERNAL', message: res.statusText, hint: '', errors: [] }));
  if (!res.ok) throw new HttpError(res.status, data as ApiError);
  return data as T;
}
