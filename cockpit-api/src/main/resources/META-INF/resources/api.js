// HTTP access for the cockpit. Every failure becomes an ApiError carrying the RFC 9457 problem when the server sent
// one, so views can show "what went wrong" instead of a blank page.

export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.status = status;
    this.problem = problem || null;
  }

  /** Field problems of a 422 (errors[{field,message}]); empty otherwise. */
  get fieldErrors() {
    return (this.problem && Array.isArray(this.problem.errors)) ? this.problem.errors : [];
  }
}

async function problemOf(response) {
  try {
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) return await response.json();
    const text = await response.text();
    return text ? { detail: text.slice(0, 300) } : null;
  } catch (e) {
    return null;
  }
}

function describe(status, problem) {
  if (status === 0) return 'the cockpit API cannot be reached';
  const what = problem && (problem.detail || problem.title);
  return 'HTTP ' + status + (what ? ': ' + what : '');
}

/**
 * Fetches a path relative to the page (so the cockpit also works behind a path prefix). `cache: 'no-cache'` lets
 * the browser revalidate with If-None-Match, so an unchanged /api/tiles costs a 304.
 */
export async function request(path, { method = 'GET', headers = {}, body, raw = false } = {}) {
  let response;
  try {
    response = await fetch(path, {
      method,
      cache: 'no-cache',
      headers: { Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, null, describe(0));
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    throw new ApiError(response.status, problem, describe(response.status, problem));
  }
  if (raw) return response;
  if (response.status === 204) return null;
  return response.json();
}

export function getJson(path) {
  return request(path);
}

export function enc(s) {
  return encodeURIComponent(s);
}
