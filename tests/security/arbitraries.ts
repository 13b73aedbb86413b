import fc from 'fast-check';
import { idsFor, sampleFor } from './samples.js';
import { HOST, type ApiRoute, type Sent, type TestActor, type World } from './setup.js';

/*
 * Random requests for one route as each actor: malformed ids, query strings, bodies and headers,
 * mixed with the actor's real credentials and a plausible request so that many get deep enough
 * to reach the use cases.
 */

const printableChar = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
/** Header values must be printable ASCII, or inject() itself refuses them before the app sees anything. */
const printable = (maxLength: number) => fc.string({ unit: printableChar, maxLength });
const anyText = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength });
const json = (value: unknown): string => JSON.stringify(value) ?? 'null';

const ODD_IDS = ['0', '-1', '-0', '1.5', '1e3', '0x1', '+1', '01', ' 1', '1 ', '2147483647', '2147483648', '9007199254740993', '1'.repeat(40), 'NaN', 'Infinity', '٣', '１', '__proto__', 'constructor', 'prototype', 'null', 'true', '[]', '{}', '%', '..', '%2e%2e', '\u0000', 'x'.repeat(300)];

/** Broken percent-encoding, sent as is. */
const RAW_PARAMS = ['%', '%zz', '%E0%A4%A', '%C0%AF', '%F0%9F'];

function paramValue(valid: number) {
  const encoded = fc
    .oneof(
      { weight: 4, arbitrary: fc.constant(String(valid)) },
      { weight: 2, arbitrary: fc.constantFrom(...ODD_IDS) },
      { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double()).map(String) },
      { weight: 1, arbitrary: anyText(40) },
      // Around the router's 100-character limit on a parameter, and well past it.
      { weight: 1, arbitrary: fc.integer({ min: 90, max: 400 }).map((n) => '9'.repeat(n)) },
    )
    .map(encodeURIComponent);
  return fc.oneof({ weight: 10, arbitrary: encoded }, fc.constantFrom(...RAW_PARAMS));
}

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', '__proto__[admin]', 'constructor[prototype][admin]', 'hasOwnProperty', 'toString', 'valueOf'];
const QUERY_VALUES = ['', 'true', 'false', '1', '0', '-1', 'null', 'series', 'following', 'occurrence', 'active', 'cancelled', '2026-10-06', '2026-10-06T10:00', '2026-10-06T10:00:00Z', '0000-00-00', '9999-99-99', 'booking.', 'x'.repeat(2000)];

/** Keys the route knows (from its schema), pollution keys and noise; repeated keys become arrays. */
function queryString(route: ApiRoute, sampleQuery: string | undefined) {
  const known = Object.keys((route.querystring as { properties?: object } | undefined)?.properties ?? {});
  const key = fc.oneof({ weight: 3, arbitrary: known.length > 0 ? fc.constantFrom(...known) : printable(10) }, fc.constantFrom(...POLLUTION_KEYS), printable(12));
  const value = fc.oneof(fc.constantFrom(...QUERY_VALUES), fc.integer().map(String), fc.maxSafeInteger().map(String), anyText(30));
  const random = fc.array(fc.tuple(key, value), { maxLength: 6 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
  return fc.oneof({ weight: 3, arbitrary: random }, fc.constant(sampleQuery ?? ''), fc.constantFrom('a[b]=1&a[c]=2', '&&&', '=', '?=?', '%', '%zz', 'x=%E0%A4%A'));
}

const BAD_JSON = ['', '{', '}', '[', 'null', 'true', '0', '1e999', '"text"', '{"a":}', '{"a":1,}', "{'a':1}", 'NaN', '\uFEFF{}', '{"a":1}{"b":2}', '{"a":"\\ud800"}', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}'];

/** A raw body (or none): the plausible one, it with fields of the wrong type, pollution keys, nesting, huge strings, garbage. */
function payload(route: ApiRoute, sample: unknown) {
  const known = Object.keys((route.body as { properties?: object } | undefined)?.properties ?? {});
  const keys = known.length > 0 ? known : ['title', 'name'];
  const base = sample !== null && typeof sample === 'object' ? (sample as Record<string, unknown>) : {};
  const wrongTypes = fc.dictionary(fc.constantFrom(...keys), fc.anything(), { minKeys: 1, maxKeys: 3 }).map((over) => json({ ...base, ...over }));
  // Right types, wrong values: gets past the schema into the use case (a wrong password, an unknown id, a bad date).
  const sameType = (value: unknown) =>
    typeof value === 'number' ? fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER)) : typeof value === 'boolean' ? fc.boolean() : fc.oneof(anyText(30), fc.constantFrom(...QUERY_VALUES));
  const baseKeys = Object.keys(base);
  const wrongValues =
    baseKeys.length === 0
      ? wrongTypes
      : fc.subarray(baseKeys, { minLength: 1, maxLength: Math.min(2, baseKeys.length) }).chain((picked) => fc.record(Object.fromEntries(picked.map((k) => [k, sameType(base[k])]))).map((over) => json({ ...base, ...over })));
  // Written as text: an object literal would turn "__proto__" into a prototype, not a key.
  const polluted = fc
    .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.anything())
    .map(([key, value]) => `{"${key}":${json(value)}${baseKeys.length > 0 ? `,${json(base).slice(1)}` : '}'}`);
  const deep = fc.tuple(fc.integer({ min: 1, max: 20_000 }), fc.boolean()).map(([n, array]) => (array ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n)));
  // Up to a little over the 256 KiB body limit: both sides of it.
  const huge = fc.tuple(fc.constantFrom(...keys), fc.integer({ min: 1_000, max: 270_000 }), printableChar).map(([key, n, c]) => json({ ...base, [key]: c.repeat(n) }));
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: fc.constant(sample === undefined ? undefined : json(sample)) },
    { weight: 2, arbitrary: fc.anything().map(json) },
    { weight: 2, arbitrary: fc.json() },
    { weight: 3, arbitrary: wrongTypes },
    { weight: 3, arbitrary: wrongValues },
    { weight: 2, arbitrary: polluted },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: huge },
    { weight: 2, arbitrary: fc.constantFrom(...BAD_JSON) },
    { weight: 1, arbitrary: anyText(200) },
  );
}

const CONTENT_TYPES = ['application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json; charset=latin1', 'application/json;', 'application/problem+json', 'application/vnd.api+json', 'text/plain', 'text/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/octet-stream', '*/*', ''];
const ORIGINS = ['null', 'http://evil.test', `https://${HOST}`, `http://${HOST}.evil.test`, 'file://', '', 'http://[::1', `http://${HOST}`];
/** Headers inject() must own (a wrong length would stall the request rather than reach the app). */
const RESERVED = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'expect', 'upgrade']);

/**
 * Mostly the actor's own clean headers (so requests reach validation and the use cases), else
 * each of cookie, CSRF token, Origin and content type independently garbled; random extras always.
 */
function headers(world: World, actor: TestActor) {
  const name = world.app.sessionCookie.name;
  const own = actor.headers.cookie;
  const csrf = actor.headers['x-csrf-token'];
  const cookie = fc.oneof(
    { weight: 2, arbitrary: fc.constant(own) },
    { weight: 1, arbitrary: printable(80) },
    { weight: 1, arbitrary: printable(60).map((v) => `${name}=${v}`) },
    { weight: 1, arbitrary: printable(40).map((v) => `${own ?? ''}; ${name}=${v}`) },
  );
  const csrfToken = fc.oneof({ weight: 2, arbitrary: fc.constant(csrf) }, printable(64), fc.constant(undefined), fc.constant(`${csrf ?? ''}x`));
  const origin = fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, fc.constantFrom(...ORIGINS), printable(40));
  const contentType = fc.oneof({ weight: 2, arbitrary: fc.constant('application/json') }, fc.constantFrom(...CONTENT_TYPES), printable(40), fc.constant(undefined));
  const messy = fc.record({ cookie, csrfToken, origin, contentType });
  const clean = fc.constant({ cookie: own, csrfToken: csrf, origin: undefined, contentType: 'json-if-body' });
  const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/).filter((h) => !RESERVED.has(h));
  const extra = fc.dictionary(headerName, printable(60), { maxKeys: 3 });
  return fc.record({ parts: fc.oneof({ weight: 3, arbitrary: clean }, { weight: 2, arbitrary: messy }), extra }).map(({ parts, extra }) => (hasBody: boolean) => {
    const out: Record<string, string> = { ...extra, host: HOST };
    if (parts.cookie !== undefined) out.cookie = parts.cookie;
    if (parts.csrfToken !== undefined) out['x-csrf-token'] = parts.csrfToken;
    if (parts.origin !== undefined) out.origin = parts.origin;
    // A clean client sends a content type with a body only (an empty JSON body is a 400 of its own).
    const type = parts.contentType === 'json-if-body' ? (hasBody ? 'application/json' : undefined) : parts.contentType;
    if (type !== undefined) out['content-type'] = type;
    return out;
  });
}

export interface FuzzRequest extends Sent {
  actor: string;
}

/** One arbitrary per actor, built once (building them per generated value would dominate the run time). */
export function requestFor(world: World, route: ApiRoute): fc.Arbitrary<FuzzRequest> {
  const asActor = (actor: TestActor) => {
    const ids = idsFor(world, actor);
    const sample = sampleFor(world, route, actor);
    const params = fc.record(Object.fromEntries(route.params.map((p) => [p, paramValue(ids[p]!)])) as Record<string, fc.Arbitrary<string>>);
    // A random client address each time: the per-address sign-in limit (tested on its own) would
    // otherwise answer every later sign-in with 429 before its body is even read.
    const parts = { params, query: queryString(route, sample.query), payload: payload(route, sample.body), headers: headers(world, actor), remoteAddress: fc.ipV4() };
    return fc.record(parts).map(({ params, query, payload, headers, remoteAddress }) => ({
      actor: actor.name,
      method: route.method,
      url: route.url.replace(/:(\w+)/g, (_, p: string) => params[p]!) + (query ? `?${query}` : ''),
      headers: headers(payload !== undefined),
      remoteAddress,
      ...(payload === undefined ? {} : { payload }),
    }));
  };
  return fc.oneof(...world.actors.map(asActor));
}
