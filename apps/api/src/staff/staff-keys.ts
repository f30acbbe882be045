import { createHash, randomBytes } from 'node:crypto'
import type { StaffPerson, StaffRole } from '@kakunin/schema/staff'
import type { Prisma } from '#src/db/prisma-plugin.ts'
import type { StaffKey } from '#src/generated/prisma/client.ts'

/** `kk_` and 256 random bits: recognisable in logs and secret scanners, unguessable. */
export function newStaffKey() {
  const key = `kk_${randomBytes(32).toString('base64url')}`
  return { key, prefix: key.slice(0, 11), keyHash: hashStaffKey(key) }
}

export const hashStaffKey = (key: string) => createHash('sha256').update(key).digest('hex')

export async function createStaffKey(prisma: Prisma, input: { name: string; role: StaffRole; person: StaffPerson | null; createdById?: string | null }) {
  const { key, prefix, keyHash } = newStaffKey()
  const record = await prisma.staffKey.create({
    data: {
      name: input.name,
      role: input.role,
      personName: input.person?.name ?? null,
      department: input.person?.department ?? null,
      prefix,
      keyHash,
      createdById: input.createdById ?? null,
    },
  })
  return { key, record }
}

export const personOf = (key: Pick<StaffKey, 'personName' | 'department'>): StaffPerson | null =>
  key.personName && key.department ? { name: key.personName, department: key.department } : null

export function toKeyView(key: StaffKey) {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    person: personOf(key),
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  }
}
