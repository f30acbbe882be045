import { applicationEventInput, STATUS_EVENT_TYPES, type ApplicationEventInput } from '@kakunin/schema/events'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import type { Prisma } from '#src/db/prisma-plugin.ts'

type Writer = Pick<TransactionClient, 'applicationEvent'>

/**
 * Appends one event, validated against the catalogue in packages/schema: an event of an unknown
 * type or with data off its shape is a programming error and fails the write (and its transaction).
 */
export async function appendEvent(db: Writer, applicationId: string, event: ApplicationEventInput, now: Date) {
  const parsed = applicationEventInput.parse(event)
  const created = await db.applicationEvent.create({
    data: {
      applicationId,
      type: parsed.type,
      actorType: parsed.actorType,
      actorId: parsed.actorId,
      fromStatus: parsed.fromStatus,
      toStatus: parsed.toStatus,
      data: parsed.data as object,
      createdAt: now,
    },
    select: { id: true },
  })
  return created.id
}

type RecordedEvent = Exclude<ApplicationEventInput, { type: (typeof STATUS_EVENT_TYPES)[number] }>

/**
 * Records something that happened without changing the status (a save link sent, personal data
 * read, a document uploaded). Status events only come from the transition module.
 */
export async function recordEvent(db: Writer | Prisma, applicationId: string, event: Omit<RecordedEvent, 'fromStatus' | 'toStatus'>, now: Date) {
  if ((STATUS_EVENT_TYPES as readonly string[]).includes(event.type)) throw new Error(`${event.type} changes a status: use the transition module`)
  await appendEvent(db, applicationId, { ...event, fromStatus: null, toStatus: null } as ApplicationEventInput, now)
}
