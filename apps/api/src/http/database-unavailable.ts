// What a request meets when PostgreSQL is down, restarting or full: not a fault of the request
// nor a bug, so the answer is 503 with Retry-After rather than 500.

const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TlsConnectionError'])
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024'])
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'])
// SQLSTATE: 08xxx connection exceptions, 57P01-03 shutdown / not accepting yet, 53300 too many connections.
const SQLSTATE = /^(08...|57P0[123]|53300)$/
const POOL_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect)/

/** Whether an error (from Prisma, its pg adapter or the pool itself) means the database is out of reach. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false
  const { code, message, cause, meta, errors } = error as {
    code?: unknown
    message?: unknown
    cause?: unknown
    meta?: { driverAdapterError?: { cause?: { kind?: unknown } } }
    errors?: unknown
  }
  if (typeof code === 'string' && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true
  if (typeof message === 'string' && POOL_MESSAGES.test(message)) return true
  const kind = meta?.driverAdapterError?.cause?.kind ?? (cause as { kind?: unknown } | undefined)?.kind
  if (typeof kind === 'string' && UNREACHABLE_KINDS.has(kind)) return true
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true // AggregateError
  return isDatabaseUnavailable(cause, depth + 1)
}

/** Seconds a client should wait before trying again. */
export const DATABASE_RETRY_AFTER_SECONDS = 5
