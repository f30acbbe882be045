import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { StaffPerson, StaffRole } from '@kakunin/schema/staff'
import { ApiError } from '#src/http/api-error.ts'
import { hashStaffKey, personOf } from './staff-keys.ts'

export interface StaffIdentity {
  id: string
  name: string
  role: StaffRole
  /** The person acting with the key; null for an older key, which may read but not decide. */
  person: StaffPerson | null
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffIdentity | null
  }
}

// COMPLIANCE reads and reviews like a reviewer; what only the 統括管理者 may do is checked by the
// transition module on the key's role itself, so ADMIN's rank does not grant it.
const RANK: Record<StaffRole, number> = { VIEWER: 0, REVIEWER: 1, COMPLIANCE: 2, ADMIN: 3 }
const LAST_USED_PRECISION_MS = 60_000

/**
 * Every /api/staff request carries `Authorization: Bearer kk_…`. Missing, unknown or revoked
 * keys get 401, whatever the route; roles are checked per route (403).
 */
export function authenticateStaff(app: FastifyInstance) {
  app.decorateRequest('staff', null)
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization
    const key = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined
    if (!key) throw new ApiError(401, 'UNAUTHORIZED', 'APIキーが必要です（Authorization: Bearer ...）')
    const found = await app.prisma.staffKey.findUnique({ where: { keyHash: hashStaffKey(key) } })
    if (!found || found.revokedAt) throw new ApiError(401, 'UNAUTHORIZED', 'APIキーが無効です')
    request.staff = { id: found.id, name: found.name, role: found.role, person: personOf(found) }
    // Recorded at minute precision, so reads do not become writes on every call.
    const now = app.deps.clock()
    if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      await app.prisma.staffKey.update({ where: { id: found.id }, data: { lastUsedAt: now } })
    }
  })
}

export function requireRole(role: StaffRole) {
  return async (request: FastifyRequest) => {
    if (!request.staff || RANK[request.staff.role] < RANK[role]) {
      throw new ApiError(403, 'FORBIDDEN', `この操作には ${role} 以上の権限が必要です`)
    }
  }
}

/** The staff member of an authenticated request (the hook guarantees one). */
export function staffOf(request: FastifyRequest): StaffIdentity {
  if (!request.staff) throw new ApiError(401, 'UNAUTHORIZED', 'APIキーが必要です')
  return request.staff
}

/**
 * The person deciding, for the 確認記録 (施行規則20条1項: who verified). A key that names no one may
 * read but not decide: 403, and nothing changes.
 */
export function decidingPerson(staff: StaffIdentity, action = '審査の判断や確認の記録'): StaffPerson {
  if (!staff.person) {
    throw new ApiError(403, 'FORBIDDEN', `このAPIキーには担当者（氏名と所属部署）が登録されていないため、${action}はできません。担当者を登録したAPIキーを発行してください。`)
  }
  return staff.person
}
