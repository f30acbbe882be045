import type { StaffPerson, StaffRole } from '@kakunin/schema/staff'
import type { App } from '#src/app.ts'
import { createStaffKey } from '#src/staff/staff-keys.ts'

/** Who acts with the test keys, as a 確認記録 names them. */
export const TEST_PERSON: StaffPerson = { name: '審査 花子', department: '取引時確認センター' }

/** A support staff member's API client, with a fresh key of the given role. */
export async function staffClient(app: App, role: StaffRole = 'ADMIN', person: StaffPerson | null = TEST_PERSON) {
  const { key, record } = await createStaffKey(app.prisma, { name: `test ${role.toLowerCase()}`, role, person })
  const headers = { authorization: `Bearer ${key}` }
  return {
    key,
    id: record.id,
    get: (url: string) => app.inject({ url: `/api/staff${url}`, headers }),
    // Writes are JSON only, `{}` when there is nothing to say (as a staff tool must send them).
    post: (url: string, payload: object = {}) => app.inject({ method: 'POST', url: `/api/staff${url}`, headers, payload }),
  }
}
