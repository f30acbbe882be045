import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '#src/app.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { countHit, rateLimitKey, sweepEndedWindows } from './hit-counter.ts'
import { uniqueAddress } from './test-clients.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const limit = { name: 'hit-counter-test', max: 2, windowSeconds: 60 }

describe('countHit', () => {
  it('counts concurrent hits one by one, and restarts at 1 once the window ended', async () => {
    const identity = [uniqueAddress()]
    const start = new Date()
    const hits = await Promise.all(Array.from({ length: 20 }, () => countHit(app.pg, limit, identity, start)))
    expect(hits.map((hit) => hit.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(new Set(hits.map((hit) => hit.windowEndsAt.getTime()))).toEqual(new Set([start.getTime() + 60_000]))

    const later = new Date(start.getTime() + 60_000)
    expect(await countHit(app.pg, limit, identity, later)).toEqual({ hits: 1, windowEndsAt: new Date(later.getTime() + 60_000) })
  })
})

describe('sweepEndedWindows', () => {
  it('deletes the counters whose window ended, and only those', async () => {
    const ended = [uniqueAddress()]
    const running = [uniqueAddress()]
    const now = new Date()
    await countHit(app.pg, limit, ended, new Date(now.getTime() - 2 * 60_000))
    await countHit(app.pg, limit, running, now)
    await sweepEndedWindows(app.pg, now)
    const left = await app.prisma.rateLimit.findMany({ where: { key: { in: [rateLimitKey(limit, ended), rateLimitKey(limit, running)] } } })
    expect(left.map((row) => row.key)).toEqual([rateLimitKey(limit, running)])
  })
})
