import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify'
import { maskEmail } from '#src/email/mask-email.ts'
import { SIGNATURE_HEADER } from './webhook-signature.ts'

// The log is read by more people, kept longer and copied further than the database: it gets no
// credentials (resume, QR and confirmation tokens, session cookies, staff keys, signatures) and no
// personal data (names, addresses, emails, Account SIDs, answers quoted by PostgreSQL).

const MASK = '***'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Paths whose next segment is a credential or an Account SID, API and SPA alike. */
const SECRET_AFTER = [
  ['api', 'resume'],
  ['api', 'owner-confirmations'],
  ['api', 'sandbox-ekyc', 'sessions'],
  ['api', 'staff', 'account-sids'],
  ['resume'],
  ['link-confirm'],
  ['m', 'verify'],
]

/**
 * A random token as this app makes them (base64url, hex, Account SIDs): 16+ URL-safe characters
 * with a digit or both cases. Words joined by dashes ("external-verifications") and ids (UUIDs,
 * which grant nothing without the session) stay readable.
 */
function looksLikeToken(text: string): boolean {
  if (text.length < 16 || !/^[A-Za-z0-9_-]+$/.test(text) || UUID.test(text)) return false
  return /\d/.test(text) || (/[a-z]/.test(text) && /[A-Z]/.test(text))
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** A segment the log may show: tokens, anything with an @ and anything not ASCII are masked. */
function maskSegment(segment: string): string {
  const text = decoded(segment)
  return looksLikeToken(text) || text.includes('@') || /[^\x20-\x7e]/.test(text) ? MASK : segment
}

const QUERY_NAME = /^[A-Za-z_][A-Za-z0-9_.[\]-]{0,31}$/

/**
 * The URL as logged. Query values are dropped on every route: staff searches carry names, emails
 * and Account SIDs, the mailbox an address, and no route needs its values in the log to debug.
 * The names stay (which filters were used), when they look like names.
 */
export function maskUrl(url: string): string {
  const hashless = url.split('#', 1)[0] ?? ''
  const queryAt = hashless.indexOf('?')
  const path = queryAt === -1 ? hashless : hashless.slice(0, queryAt)
  const segments = path.split('/')
  const masked = segments.map((segment, index) => {
    const before = segments.slice(1, index).map((part) => decoded(part).toLowerCase())
    const secretSlot = SECRET_AFTER.some((prefix) => prefix.length === before.length && prefix.every((part, i) => before[i] === part))
    return secretSlot && segment !== '' ? MASK : maskSegment(segment)
  })
  if (queryAt === -1) return masked.join('/')
  const names = hashless
    .slice(queryAt + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => decoded(pair.split('=', 1)[0] ?? ''))
    .map((name) => (QUERY_NAME.test(name) ? name : MASK))
  return `${masked.join('/')}?${names.map((name) => `${name}=${MASK}`).join('&')}`
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g
const TOKEN_RUN = /[A-Za-z0-9_-]{16,}/g

/** Free text (messages): emails masked as the app shows them, token-like runs removed. */
export function scrubText(text: string): string {
  return text.replace(EMAIL, (email) => maskEmail(email)).replace(TOKEN_RUN, (run) => (looksLikeToken(run) ? MASK : run))
}

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22) quote the offending value in the message itself
 * (`invalid input syntax for type integer: "…"`, `value "…" is out of range`); Prisma repeats that
 * message in its own. Other classes quote only our identifiers (constraints, columns).
 */
function dropQuotedValues(message: string, sqlState: string | undefined): string {
  const dataException = sqlState?.startsWith('22') || /Code: `22[0-9A-Z]{3}`/.test(message)
  return dataException ? message.replace(/"[^"]*"/g, `"${MASK}"`) : message
}

/**
 * Prisma's message draws the call with its arguments (the values, for validation errors) and a
 * frame of the source; its last line says what went wrong.
 */
function prismaSummary(message: string): string {
  const lines = message.split('\n').map((line) => line.trim()).filter(Boolean)
  return lines.at(-1) ?? ''
}

// What may be copied from an error: codes and names of things, never values. node-postgres adds
// `detail` (the key and its value, or the whole failing row), `where` (the statement or JSON text
// around the error), `hint`, `internalQuery`; none of them is taken. Node's parser errors carry
// `rawPacket` (the raw request, cookies included); not taken either.
const SAFE_FIELDS = [
  'code', 'statusCode', 'severity', 'schema', 'table', 'column', 'dataType', 'constraint', 'routine', 'file', 'line', 'position',
  'clientVersion', 'errorCode', 'errno', 'syscall', 'responseCode', 'command', 'kind', 'originalCode',
] as const

type Fields = Record<string, unknown>

function safeFields(source: Fields): Fields {
  const out: Fields = {}
  for (const key of SAFE_FIELDS) {
    const value = source[key]
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value
  }
  return out
}

/** Prisma's `meta`: which model and constraint, and the adapter's PostgreSQL code; not its messages. */
function prismaMeta(meta: unknown): Fields | undefined {
  if (!meta || typeof meta !== 'object') return undefined
  const { modelName, target, driverAdapterError } = meta as Fields
  const cause = driverAdapterError && typeof driverAdapterError === 'object' ? (driverAdapterError as Fields).cause : undefined
  const adapter = cause && typeof cause === 'object' ? safeFields(cause as Fields) : undefined
  const constraint = cause && typeof cause === 'object' ? (cause as Fields).constraint : undefined
  return {
    ...(typeof modelName === 'string' ? { modelName } : {}),
    ...(Array.isArray(target) || typeof target === 'string' ? { target } : {}),
    ...(adapter ? { driverAdapterError: { ...adapter, ...(constraint && typeof constraint === 'object' ? { constraint } : {}) } } : {}),
  }
}

const typeOf = (error: object) => error.constructor?.name ?? 'Object'

/** An error's message as it may be logged. */
export function safeMessage(error: object): string {
  const fields = error as Fields
  const raw = typeof fields.message === 'string' ? fields.message : ''
  const sqlState = typeof fields.code === 'string' ? fields.code : undefined
  return scrubText(dropQuotedValues(typeOf(error).startsWith('PrismaClient') ? prismaSummary(raw) : raw, sqlState))
}

type SerializedError = Fields & { type: string; message: string; stack: string }

/**
 * The `err` serializer: type, scrubbed message, stack frames and safe fields, causes included.
 * Strings logged as `err` (a delivery failure's message) are scrubbed the same way.
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!error || typeof error !== 'object') {
    const message = scrubText(String(error))
    return { type: typeof error, message, stack: '' }
  }
  const fields = error as Fields
  const type = typeOf(error)
  const isPrisma = type.startsWith('PrismaClient')
  const message = safeMessage(error)
  // The stack's first lines repeat the raw message; only the frames (code locations) are kept.
  const frames = typeof fields.stack === 'string' ? fields.stack.split('\n').filter((line) => /^\s+at /.test(line)) : []
  const out: SerializedError = { type, message, stack: [`${type}: ${message}`, ...frames].join('\n'), ...safeFields(fields) }
  if (isPrisma) {
    const meta = prismaMeta(fields.meta)
    if (meta) out.meta = meta
  }
  if (depth < 3 && fields.cause !== undefined) out.cause = serializeError(fields.cause, depth + 1)
  if (depth < 3 && Array.isArray(fields.errors)) out.errors = fields.errors.slice(0, 10).map((inner) => serializeError(inner, depth + 1))
  return out
}

/**
 * Fastify's request fields without the query's values and the path's tokens. Headers are never
 * logged (cookie, authorization, signatures).
 */
export function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: maskUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }
}

export const serializeReply = (reply: Pick<FastifyReply, 'statusCode'>) => ({ statusCode: reply.statusCode })

const SECRET_HEADERS = ['cookie', 'authorization', 'set-cookie', SIGNATURE_HEADER, 'x-trustdock-signature']

type LoggerOption = FastifyServerOptions['logger']

/**
 * The logger options with the serializers above, whatever the caller asked for (server, tests):
 * level and destination are the caller's, what is written is ours. Headers logged by hand are
 * redacted and string messages scrubbed, for log lines that bypass the serializers.
 */
export function secretFreeLogger(logger: LoggerOption | undefined, level: string): LoggerOption {
  if (logger === false) return false
  const base = logger === undefined || logger === true ? { level } : logger
  return {
    ...base,
    serializers: { ...base.serializers, req: serializeRequest, res: serializeReply, err: serializeError },
    redact: {
      paths: SECRET_HEADERS.flatMap((name) => [`headers["${name}"]`, `*.headers["${name}"]`]),
      censor: MASK,
    },
    hooks: {
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[]
        const error = first instanceof Error ? first : first && typeof first === 'object' ? (first as Fields).err : undefined
        // Without a message of its own, or with the error's own, pino would write the raw message.
        if (error instanceof Error && (rest.length === 0 || rest[0] === error.message)) {
          method.apply(this, [first, safeMessage(error)] as Parameters<typeof method>)
          return
        }
        method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg)) as Parameters<typeof method>)
      },
    },
  }
}
