import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type pg from 'pg'
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import { errorResponse } from '@kakunin/schema/errors'
import { z } from '@kakunin/schema/zod'
import { ApiError } from '#src/http/api-error.ts'
import { readSqlSnapshot, VERIFICATION_STATUSES, type SqlSnapshot } from './sql-gauges.ts'

/** Several Prometheus servers may scrape every instance: the SQL gauges are read at most this often. */
const SNAPSHOT_MS = 5000
/** A scrape must answer even when the database does not. */
const SNAPSHOT_TIMEOUT_MS = 3000
/** Requests no route matched (404s, scanners), under one label so they cannot multiply series. */
export const UNMATCHED_ROUTE = 'unmatched'

/** The route's template (`/api/applications/:id`), never the path: no ids or tokens in labels. */
function routeOf(request: FastifyRequest): string {
  return request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE)
}

const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest())

export interface MetricsOptions {
  pool: pg.Pool
  /** Bearer token a scrape must present; none: open (outside production only). */
  token: string | undefined
  clock: () => Date
}

/**
 * Prometheus metrics at /metrics: request durations by route template and status, the workers'
 * backlog per kind, verifications by status, the pg pool's use, and Node's process metrics.
 * Gauges that need SQL are read when scraped, in two small queries, and reused for SNAPSHOT_MS.
 * Registered before the routes so that its hook times every one of them.
 */
export const metricsPlugin = fp<MetricsOptions>(
  async (app, { pool, token, clock }) => {
    const registry = new Registry()
    collectDefaultMetrics({ register: registry })

    const duration = new Histogram({
      name: 'kakunin_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      registers: [registry],
    })
    app.addHook('onResponse', async (request, reply) => {
      duration.observe({ method: request.method, route: routeOf(request), status_code: reply.statusCode }, reply.elapsedTime / 1000)
    })

    const poolGauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read())
        },
      })
    poolGauge('kakunin_db_pool_connections', 'Connections the pg pool holds (busy and idle)', () => pool.totalCount)
    poolGauge('kakunin_db_pool_idle_connections', 'Idle connections in the pg pool', () => pool.idleCount)
    poolGauge('kakunin_db_pool_waiting_requests', 'Queries waiting for a pg pool connection', () => pool.waitingCount)
    poolGauge('kakunin_db_pool_max_connections', 'The pg pool size limit', () => pool.options.max ?? 10)

    let snapshot: { at: number; value: Promise<SqlSnapshot | null> } | undefined
    const currentSnapshot = () => {
      const at = Date.now()
      if (!snapshot || at - snapshot.at >= SNAPSHOT_MS) {
        let timer: NodeJS.Timeout | undefined
        const timeout = new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), SNAPSHOT_TIMEOUT_MS)
        })
        const read = readSqlSnapshot(pool, clock()).catch((error: unknown) => {
          app.log.warn({ err: error }, 'metrics: the database gauges could not be read')
          return null
        })
        snapshot = { at, value: Promise.race([read, timeout]).finally(() => clearTimeout(timer)) }
      }
      return snapshot.value
    }

    const databaseUp = new Gauge({ name: 'kakunin_metrics_database_up', help: '1 when the database gauges below were read at this scrape, 0 when the database did not answer', registers: [registry] })
    const pending = new Gauge({ name: 'kakunin_queue_pending', help: 'Background work waiting, by kind (emails, status webhooks, sandbox reviews, owner-confirmation expiries)', labelNames: ['kind'] as const, registers: [registry] })
    const oldest = new Gauge({ name: 'kakunin_queue_oldest_age_seconds', help: 'How long the longest-waiting item of a kind has waited (0 when none)', labelNames: ['kind'] as const, registers: [registry] })
    const failed = new Gauge({ name: 'kakunin_queue_failed', help: 'Emails and status webhooks given up on (FAILED), waiting for an admin re-drive', labelNames: ['kind'] as const, registers: [registry] })
    const verifications = new Gauge({ name: 'kakunin_verifications', help: 'Verification sessions by status', labelNames: ['status'] as const, registers: [registry] })

    const refreshSqlGauges = async () => {
      const value = await currentSnapshot()
      databaseUp.set(value ? 1 : 0)
      for (const gauge of [pending, oldest, failed, verifications]) gauge.reset()
      if (!value) return
      const now = clock().getTime()
      for (const queue of value.queues) {
        pending.set({ kind: queue.kind }, queue.pending)
        oldest.set({ kind: queue.kind }, queue.oldest ? Math.max(0, (now - queue.oldest.getTime()) / 1000) : 0)
        if (queue.kind === 'email' || queue.kind === 'status_webhook') failed.set({ kind: queue.kind }, queue.failed)
      }
      for (const status of VERIFICATION_STATUSES) verifications.set({ status }, value.verifications[status])
    }

    app.get(
      '/metrics',
      {
        schema: {
          tags: ['system'],
          operationId: 'getMetrics',
          summary: 'Prometheus metrics (METRICS=on; with METRICS_TOKEN set, Authorization: Bearer <token>)',
          security: token ? [{ metricsToken: [] }] : [],
          produces: ['text/plain'],
          response: {
            200: { description: 'The Prometheus text exposition format', content: { 'text/plain': { schema: z.string() } } },
            401: errorResponse,
          },
        },
      },
      async (request, reply) => {
        if (token) {
          // The scheme is case-insensitive (RFC 9110 11.1).
          const given = /^bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1]
          if (!given || !sameSecret(given, token)) {
            reply.header('www-authenticate', 'Bearer realm="metrics"')
            throw new ApiError(401, 'UNAUTHORIZED', 'メトリクスの取得にはトークンが必要です（Authorization: Bearer ...）')
          }
        }
        await refreshSqlGauges()
        return reply.type(registry.contentType).send((await registry.metrics()) as never)
      },
    )
  },
  { name: 'metrics', dependencies: ['prisma'] },
)
