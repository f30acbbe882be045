import { spawnSync } from 'node:child_process'
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test'
import { e2e } from './environment.ts'

/** The roles `pnpm staff:key create --role` accepts; COMPLIANCE is the 統括管理者 (犯収法施行規則32条). */
export type StaffRole = 'viewer' | 'reviewer' | 'compliance' | 'admin'

const keys = new Map<StaffRole, string>()

/**
 * An API key of `role`, made once per worker and role the way support staff make theirs: with the
 * command line (`pnpm staff:key create`) against the server's database. It prints the key once.
 */
export function staffKey(role: StaffRole = 'reviewer'): string {
  const known = keys.get(role)
  if (known) return known
  const run = spawnSync('pnpm', ['--dir', '..', '--silent', 'staff:key', 'create', '--name', `e2e ${role}`, '--role', role, '--person', 'E2E 花子', '--department', '取引時確認センター'], {
    env: { ...process.env, DATABASE_URL: e2e.databaseUrl },
    encoding: 'utf8',
  })
  const key = run.stdout.match(/kk_[A-Za-z0-9_-]{43}/)?.[0]
  if (run.status !== 0 || !key) throw new Error(`pnpm staff:key create --role ${role} failed (${run.status}): ${run.stdout}\n${run.stderr}`)
  keys.set(role, key)
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
  reviewDocuments: { kind: string; type: string; bytes: number; sha256: string }[]
}

export type StaffDecision =
  /** `reason`: required when a 統括管理者 approves a high-risk (ENHANCED_REVIEW) application. */
  | { decision: 'APPROVE'; reason?: string; internalNote?: string }
  | { decision: 'DENY'; reasonCodes: string[]; noteToApplicant: string; internalNote?: string }

/** The staff REST API (/api/staff) as a key of `role` calls it, with `Authorization: Bearer kk_…`. */
export function staffApi(request: APIRequestContext, role: StaffRole = 'reviewer') {
  const headers = { Authorization: `Bearer ${staffKey(role)}` }
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
    /** Sends a decision on the version just read, as staff would after reading the application; the answer as it came. */
    async decision(id: string, decision: StaffDecision): Promise<APIResponse> {
      const { version } = await this.read(id)
      return request.post(`/api/staff/applications/${id}/decision`, { headers, data: { ...decision, version } })
    },
    /** The same, expecting it to be accepted. */
    async decide(id: string, decision: StaffDecision): Promise<void> {
      const response = await this.decision(id, decision)
      expect(response.status(), await response.text()).toBe(200)
    },
  }
}
