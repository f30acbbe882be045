import { spawnSync } from 'node:child_process'
import { expect, type APIRequestContext } from '@playwright/test'
import type { paths } from '@kakunin/api-client'
import { apiClient } from './api-client.ts'
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

type StaffRead = paths['/api/staff/applications/{id}']['get']['responses'][200]['content']['application/json']

/** An application as staff read it (GET /api/staff/applications/{id}), with its events. */
export type StaffApplication = StaffRead

/** A decision as staff send it, without the version (taken from the application just read). */
export type StaffDecision = DistributiveOmit<NonNullable<paths['/api/staff/applications/{id}/decision']['post']['requestBody']>['content']['application/json'], 'version'>

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

/** The staff REST API (/api/staff) as a key of `role` calls it, with `Authorization: Bearer kk_…`. */
export function staffApi(request: APIRequestContext, role: StaffRole = 'reviewer') {
  const api = apiClient(request, { Authorization: `Bearer ${staffKey(role)}` })
  return {
    /** The generated client with this key, for the calls not named here. */
    api,
    /** The id of the application with this 受付番号, found by the staff search. */
    async findByReference(reference: string): Promise<string> {
      const { data, response } = await api.GET('/api/staff/applications', { params: { query: { reference } } })
      expect(response.status).toBe(200)
      expect(data?.items.map((item) => item.reference)).toEqual([reference])
      return data!.items[0]!.id
    },
    async read(id: string): Promise<StaffApplication> {
      const { data, response } = await api.GET('/api/staff/applications/{id}', { params: { path: { id } } })
      expect(response.status).toBe(200)
      return data!
    },
    /** Sends a decision on the version just read, as staff would after reading the application; the answer as it came. */
    async decision(id: string, decision: StaffDecision) {
      const { version } = await this.read(id)
      return api.POST('/api/staff/applications/{id}/decision', { params: { path: { id } }, body: { ...decision, version } })
    },
    /** The same, expecting it to be accepted. */
    async decide(id: string, decision: StaffDecision): Promise<void> {
      const { response, error } = await this.decision(id, decision)
      expect(response.status, JSON.stringify(error)).toBe(200)
    },
  }
}
