import { spawnSync } from 'node:child_process'
import { expect, type APIRequestContext } from '@playwright/test'
import { e2e } from './environment.ts'

let reviewerKey: string | undefined

/**
 * A reviewer's API key, made once per worker the way support staff make theirs: with the command
 * line (`pnpm staff:key create`) against the server's database. It prints the key once.
 */
export function staffKey(): string {
  if (reviewerKey) return reviewerKey
  const run = spawnSync('pnpm', ['--dir', '..', '--silent', 'staff:key', 'create', '--name', 'e2e', '--role', 'reviewer'], {
    env: { ...process.env, DATABASE_URL: e2e.databaseUrl },
    encoding: 'utf8',
  })
  const key = run.stdout.match(/kk_[A-Za-z0-9_-]{43}/)?.[0]
  if (run.status !== 0 || !key) throw new Error(`pnpm staff:key create failed (${run.status}): ${run.stdout}\n${run.stderr}`)
  reviewerKey = key
  return key
}

export interface StaffEvent {
  type: string
  actorType: string
  fromStatus: string | null
  toStatus: string | null
  data: unknown
}

export interface StaffApplication {
  id: string
  reference: string
  status: string
  version: number
  events: StaffEvent[]
}

export type StaffDecision =
  | { decision: 'APPROVE'; internalNote?: string }
  | { decision: 'DENY'; reasonCodes: string[]; noteToApplicant: string; internalNote?: string }

/** The staff REST API (/api/staff) as a reviewer calls it, with `Authorization: Bearer kk_…`. */
export function staffApi(request: APIRequestContext) {
  const headers = { Authorization: `Bearer ${staffKey()}` }
  return {
    /** The id of the application with this 受付番号, found by the staff search. */
    async findByReference(reference: string): Promise<string> {
      const response = await request.get(`/api/staff/applications?reference=${encodeURIComponent(reference)}`, { headers })
      expect(response.status()).toBe(200)
      const { items } = (await response.json()) as { items: { id: string; reference: string }[] }
      expect(items.map((item) => item.reference)).toEqual([reference])
      return items[0]!.id
    },
    async read(id: string): Promise<StaffApplication> {
      const response = await request.get(`/api/staff/applications/${id}`, { headers })
      expect(response.status()).toBe(200)
      return response.json()
    },
    /** Decides on the version just read, as a reviewer would after reading the application. */
    async decide(id: string, decision: StaffDecision): Promise<void> {
      const { version } = await this.read(id)
      const response = await request.post(`/api/staff/applications/${id}/decision`, { headers, data: { ...decision, version } })
      expect(response.status(), await response.text()).toBe(200)
    },
  }
}
