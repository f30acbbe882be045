import type { StaffRole } from '@kakunin/schema/staff'
import type { App } from '#src/app.ts'
import { createStaffKey } from '#src/staff/staff-keys.ts'

/** A support staff member's API client, with a fresh key of the given role. */
export async function staffClient(app: App, role: StaffRole = 'ADMIN') {
  const { key, record } = await createStaffKey(app.prisma, { name: `test ${role.toLowerCase()}`, role })
  const headers = { authorization: `Bearer ${key}` }
  return {
    key,
    id: record.id,
    get: (url: string) => app.inject({ url: `/api/staff${url}`, headers }),
    // Writes are JSON only, `{}` when there is nothing to say (as a staff tool must send them).
    post: (url: string, payload: object = {}) => app.inject({ method: 'POST', url: `/api/staff${url}`, headers, payload }),
  }
}
