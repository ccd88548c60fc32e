// fast-check arbitraries of hostile requests: a request is a method, a raw request target, a list
// of raw header lines and an optional body, plus an optional lie about its length. The same values
// are sent in-process (when a web Request can carry them) and as raw bytes over a socket.
import fc from 'fast-check';

export const SERVER_ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
export const ADMIN_TOKEN = 'fuzz-admin-token-0123456789';
export const API_TOKEN = 'fuzz-api-token';

const KB = 1024;

const method = fc.oneof(
  { weight: 10, arbitrary: fc.constant('GET') },
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH') },
  { weight: 2, arbitrary: fc.constantFrom('HEAD', 'OPTIONS', 'TRACE', 'get', 'CONNECT') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z]{1,12}$/) },
);

const segment = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(SERVER_ID, 'op-0001', 'project', 'p') },
  { weight: 2, arbitrary: fc.constantFrom('..', '.', '%2e%2e', '%2F', '%2f..%2f', '', '~') },
  { weight: 2, arbitrary: fc.constantFrom('%', '%E0%A4%A', '%zz', '%00', '%ff%fe', '%C0%AF') },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }).map(encodeURIComponent) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('\u00e9t\u00e9', '\u{1F600}', 'a\u0000b', 'a b') },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 200, max: 40 * KB }).map((n) => 'a'.repeat(n)),
  },
);

const template = fc.constantFrom(
  ['v1', 0, 'dev-servers', 1, 'operation', 2],
  ['v1', 0, 'dev-servers', 1, 'operation', 2],
  ['v1', 0, 'dev-servers', 1, 'operation', 2],
  ['v1', 0, 'dev-servers', 1, 'operation', 2],
  ['v1', 0, 'dev-servers', 1, 'operation', 2],
  ['v1', 0, 'dev-servers', 1, 'operation', 2],
  ['v1', 0, 'dev-servers', 1, 'operation'],
  ['v1', 0, 'dev-servers', 1, 'operation', 2, 3],
  ['v1', 0, 'dev-servers', 1, 'attachvolume'],
  ['v1', 0, 'dev-servers', 1, 'attachvolume'],
  ['v1', 0, 'dev-servers', 1, 'attachvolume', 2],
  ['v1', 0, 'dev-servers', 1, 'detachvolume', 2],
  ['v1', 0, 'dev-servers', 1, 'detachvolume', 2],
  ['v1', 0, 'dev-servers', 1, 'detachvolume'],
  ['v1', 0, 'dev-servers', 'hyperinstance', 1, 'operation', 2],
  ['v1', 0, 'dev-servers', 'hyperinstance', 1, 'operation', 2],
  ['__stub', 'operations'],
  ['__stub', 'servers'],
  ['__stub', 'state'],
  ['__stub', 'clock'],
  ['__stub', 'faults'],
  ['__stub', 'latency'],
  ['__stub', 0],
  ['openapi.json'],
  ['docs'],
  [0],
  [],
);

const path = fc
  .tuple(template, fc.array(segment, { minLength: 4, maxLength: 4 }), fc.boolean())
  .map(([parts, segments, trailing]) => {
    const joined = parts.map((p) => (typeof p === 'number' ? segments[p] : p)).join('/');
    return `/${joined}${trailing ? '/' : ''}`;
  });

const query = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.tuple(fc.string({ maxLength: 8 }), segment), { maxLength: 4 })
      .map((pairs) => `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&')}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('?', '??', '?&&=', '?a=%', '?x=1#frag') },
);

const signature = fc
  .tuple(fc.stringMatching(/^[A-Z0-9]{0,24}$/), fc.stringMatching(/^[0-9a-f]{0,70}$/))
  .map(
    ([ak, sig]) => `SDK-HMAC-SHA256 Access=${ak}, SignedHeaders=host;x-sdk-date, Signature=${sig}`,
  );

const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', ' ', '\t', 'a\u0000b', 'caf\u00e9', '\u{1F600}'),
);

const HEADER_VALUES = {
  'x-auth-token': fc.oneof(fc.constant(API_TOKEN), fc.constant('t'), junk),
  authorization: fc.oneof(signature, fc.constant(`Bearer ${ADMIN_TOKEN}`), junk),
  'x-sdk-date': fc.oneof(
    fc.constantFrom('20250101T000000Z', '20991231T235959Z', '19700101T000000Z', '2025-01-01'),
    junk,
  ),
  prefer: fc.oneof(
    fc.constantFrom(
      'code=200',
      'code=400',
      'code=401',
      'code=404',
      'code=999',
      'code=abc',
      'example=failed',
      'example=nope',
      'dynamic=true',
      'dynamic=maybe',
      'code=400, example=serverNotFound',
      'code=200; dynamic=true',
    ),
    junk,
  ),
  'content-type': fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'application/octet-stream',
    ),
    junk,
  ),
  'content-length': fc.oneof(
    fc.constantFrom('0', '-1', '1e3', '00012', '18446744073709551616', String(13 * KB * KB)),
    fc.nat({ max: 5000 }).map(String),
    junk,
  ),
  'x-project-id': fc.oneof(fc.constant('0123456789abcdef0123456789abcdef'), junk),
  'x-stub-admin-token': fc.oneof(fc.constant(ADMIN_TOKEN), junk),
  'transfer-encoding': fc.constantFrom('chunked', 'gzip', 'identity', 'chunked, chunked'),
  host: fc.constantFrom('stub', 'a b', '[::1', 'stub:99999', ''),
  expect: fc.constantFrom('100-continue', 'nothing'),
  connection: fc.constantFrom('close', 'keep-alive', 'upgrade'),
};

const headerName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...Object.keys(HEADER_VALUES)) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/) },
  { weight: 1, arbitrary: fc.constantFrom('X Bad', 'x:colon', '', '\u00e9', 'X-\u0000') },
);

const header = headerName.chain((name) =>
  fc
    .oneof(
      { weight: 9, arbitrary: HEADER_VALUES[name.toLowerCase()] ?? junk },
      {
        weight: 1,
        arbitrary: fc.integer({ min: 1 * KB, max: 40 * KB }).map((n) => 'v'.repeat(n)),
      },
    )
    .map((value) => [name, value]),
);

const headers = fc
  .tuple(
    fc.boolean().chain((coin) => (coin ? fc.constant(true) : fc.boolean())),
    fc.array(header, { maxLength: 6 }),
    fc.oneof(
      { weight: 9, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 2, max: 6 }) },
    ),
  )
  .map(([withToken, list, repeats]) => {
    const lines = withToken ? [['X-Auth-Token', API_TOKEN], ...list] : list;
    // Duplicated and huge: the same header line again and again.
    const last = lines.at(-1);
    for (let i = 0; last !== undefined && i < repeats; i += 1) lines.push(last);
    return lines;
  });

const nested = fc
  .tuple(fc.integer({ min: 1, max: 20_000 }), fc.boolean())
  .map(([depth, object]) =>
    object
      ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
      : `${'['.repeat(depth)}${']'.repeat(depth)}`,
  );

const operationBody = fc
  .record({
    serverId: fc.oneof(fc.constant(SERVER_ID), fc.string({ maxLength: 10 })),
    type: fc.oneof(fc.constant('node_attach_volume'), fc.string({ maxLength: 10 })),
    operationId: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
    lifecycle: fc.option(
      fc.record({
        runningAt: fc.oneof(fc.nat(), fc.double()),
        finishedAt: fc.oneof(fc.nat(), fc.double()),
        outcome: fc.constantFrom('success', 'failed', 'weird'),
      }),
      { nil: undefined },
    ),
  })
  .map((value) => JSON.stringify(value));

/** Bodies of AttachDevServerVolume: valid, with a bad or missing volume_id, with extra members. */
const attachBody = fc
  .record(
    {
      volume_id: fc.oneof(
        { weight: 4, arbitrary: fc.constant(SERVER_ID) },
        { weight: 1, arbitrary: fc.constantFrom(SERVER_ID.toUpperCase(), '', ` ${SERVER_ID}`) },
        {
          weight: 1,
          arbitrary: fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null)),
        },
      ),
      extra: fc.json(),
    },
    { requiredKeys: [] },
  )
  .map((value) => JSON.stringify(value));

const body = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: attachBody },
  { weight: 2, arbitrary: fc.json() },
  { weight: 2, arbitrary: operationBody },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"a":}', 'null', '[]', '"x"', '\u0000', '{}') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      JSON.stringify({ set: 1e300 }),
      JSON.stringify({ advance: -1e300 }),
      JSON.stringify({ set: Number.MAX_SAFE_INTEGER }),
      JSON.stringify({ advance: 8.64e15 }),
    ),
  },
  { weight: 1, arbitrary: nested },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
);

/** Any request: random method, target, headers and body. */
const anyRequest = fc.record({
  method,
  target: fc.tuple(path, query).map(([p, q]) => p + q),
  headers,
  body,
  lengthLie: fc.oneof(
    { weight: 9, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 50 }) },
  ),
});

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const SERVERS = `/v1/${PROJECT_ID}/dev-servers`;

/**
 * A near-valid call of an operation with a body or a second id (attach, detach, the supernode GET):
 * random paths almost never line all of these up, yet these are where state changes.
 */
const workflowRequest = fc
  .record({
    call: fc.constantFrom(
      ['POST', `${SERVERS}/${SERVER_ID}/attachvolume`],
      ['DELETE', `${SERVERS}/${SERVER_ID}/detachvolume/${SERVER_ID}`],
      ['DELETE', `${SERVERS}/${SERVER_ID}/detachvolume/${SERVER_ID.toUpperCase()}x`],
      ['GET', `${SERVERS}/hyperinstance/${SERVER_ID}/operation/op-0001`],
    ),
    query,
    headers: headers.map((lines) => [['Content-Type', 'application/json'], ...lines]),
    body: fc.oneof({ weight: 3, arbitrary: attachBody }, { weight: 1, arbitrary: body }),
  })
  .map(({ call: [method, path], query: q, headers: h, body: b }) => ({
    method,
    target: path + q,
    headers: h,
    body: method === 'POST' ? b : undefined,
    lengthLie: undefined,
  }));

/**
 * A hostile request. `lengthLie` replaces the true Content-Length on the wire (raw sockets only).
 */
export const hostileRequest = fc.oneof(
  { weight: 9, arbitrary: anyRequest },
  { weight: 1, arbitrary: workflowRequest },
);

/** Admin paths whose change would make later answers unsound on purpose (5xx faults, latency). */
const UNSAFE_ADMIN = /^\/__stub\/(faults|latency)/;

/**
 * The headers actually sent: the admin token is withheld from fault and latency changes, which
 * exist to make the stub misbehave.
 */
export function sentHeaders(request) {
  if (!UNSAFE_ADMIN.test(request.target)) return request.headers;
  return request.headers.filter(
    ([name, value]) =>
      name.toLowerCase() !== 'x-stub-admin-token' && !String(value).includes(ADMIN_TOKEN),
  );
}
