import { STALE_VERSION_MESSAGE } from '@kakunin/schema/application'
import type { Prisma as PrismaClient } from '../db/prisma-plugin.ts'
import { Prisma } from '../generated/prisma/client.ts'
import { conflict, notFound } from '../http/api-error.ts'

/** Statuses in which the applicant may still change the answers. */
export const EDITABLE_STATUSES = ['DRAFT'] as const

export const NOT_EDITABLE_MESSAGE = 'このお申し込みは送信済みのため、内容を変更できません。'

/**
 * Runs a write whose `where` names the version the client read (and the statuses it may happen
 * in). When no row matched, the write changed nothing; the error then says why, from the row as it
 * is now: gone (404), no longer editable (409), or changed since the client read it (409).
 */
export async function writeIfCurrent<T>(prisma: PrismaClient, id: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write()
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025')) throw error
    const current = await prisma.application.findUnique({ where: { id }, select: { status: true } })
    if (!current) throw notFound('お申し込みが見つかりません')
    if (!(EDITABLE_STATUSES as readonly string[]).includes(current.status)) throw conflict(NOT_EDITABLE_MESSAGE)
    throw conflict(STALE_VERSION_MESSAGE)
  }
}
