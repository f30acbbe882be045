import type { StaffApplicationQuery } from '@kakunin/schema/staff'
import type { AppDeps } from '#src/deps.ts'
import type { Prisma as PrismaNamespace } from '#src/generated/prisma/client.ts'
import { ApiError } from '#src/http/api-error.ts'

const MALFORMED_CURSOR = 'cursor が正しくありません。前のページの nextCursor をそのまま指定してください'

interface Cursor {
  createdAt: Date
  id: string
}

const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify({ c: cursor.createdAt.toISOString(), i: cursor.id })).toString('base64url')

function decodeCursor(value: string): Cursor {
  try {
    const { c, i } = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { c: unknown; i: unknown }
    const createdAt = new Date(String(c))
    if (typeof i !== 'string' || !/^[0-9a-f-]{36}$/.test(i) || Number.isNaN(createdAt.getTime())) throw new Error('bad cursor')
    return { createdAt, id: i }
  } catch {
    throw new ApiError(400, 'VALIDATION_FAILED', MALFORMED_CURSOR, { cursor: MALFORMED_CURSOR })
  }
}

/** A day in Japan time as the instant it starts; `next` for the exclusive end of a range. */
const japanDayStart = (day: string, next = false) => {
  const start = new Date(`${day}T00:00:00+09:00`)
  if (Number.isNaN(start.getTime())) throw new ApiError(400, 'VALIDATION_FAILED', '日付が正しくありません', { date: day })
  return next ? new Date(start.getTime() + 24 * 60 * 60 * 1000) : start
}

/**
 * One or two characters (code points, as PostgreSQL counts them), each caseless or ASCII: there
 * PostgreSQL's lower(), which name_grams and ILIKE use, and JavaScript's toLowerCase() agree.
 */
const isShortName = (name: string) => {
  const characters = [...name]
  return characters.length <= 2 && characters.every((c) => /^[\x20-\x7e]$/.test(c) || c.toLowerCase() === c.toUpperCase())
}

/** Prisma's `contains` is a LIKE '%…%' that leaves the pattern's own % and _ as wildcards (prisma/prisma#19506). */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&')

const toKatakana = (value: string) => value.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))

/** Newest first, a page at a time; only what finding an application needs. */
export async function listApplications(deps: Pick<AppDeps, 'prisma'>, query: StaffApplicationQuery) {
  const { prisma } = deps
  const where: PrismaNamespace.ApplicationWhereInput[] = []
  if (query.status) where.push({ status: query.status })
  if (query.flow) where.push({ flow: query.flow })
  if (query.accountSid) where.push({ OR: [{ accountSid: query.accountSid }, { verifiedAccountSid: query.accountSid }] })
  if (query.email) {
    const email = query.email.toLowerCase() // stored lower case (search-columns.ts)
    where.push({ OR: [{ loginEmail: email }, { contactEmail: email }] })
  }
  if (query.name) {
    const name = query.name.replace(/\s+/g, ' ')
    // Too short for a trigram: the parts kept in name_grams (GIN), the same rows as the OR below
    // (a name with this part in lower case, or kana with it), which is what ILIKE and LIKE match.
    where.push(
      isShortName(name)
        ? { nameGrams: { hasSome: [`n${name.toLowerCase()}`, `k${toKatakana(name)}`] } }
        : { OR: [{ fullName: { contains: likeLiteral(name), mode: 'insensitive' } }, { fullNameKana: { contains: likeLiteral(toKatakana(name)) } }] },
    )
  }
  if (query.reference) where.push({ reference: query.reference.toUpperCase() })
  if (query.createdFrom) where.push({ createdAt: { gte: japanDayStart(query.createdFrom) } })
  if (query.createdTo) where.push({ createdAt: { lt: japanDayStart(query.createdTo, true) } })
  if (query.submittedFrom) where.push({ submittedAt: { gte: japanDayStart(query.submittedFrom) } })
  if (query.submittedTo) {
    const before = japanDayStart(query.submittedTo, true)
    // An application is created before it is submitted (both by the app's clock), so the same bound
    // holds for createdAt: it lets the newest-first walk start at that day instead of today.
    where.push({ submittedAt: { lt: before } }, { createdAt: { lt: before } })
  }
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor)
    // (created_at, id) < cursor, with the first bound on its own so that the newest-first index
    // walk starts at the cursor rather than at today and skipping every page before it.
    where.push({ createdAt: { lte: cursor.createdAt } }, { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] })
  }

  const rows = await prisma.application.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    select: {
      id: true,
      reference: true,
      flow: true,
      status: true,
      accountSid: true,
      verifiedAccountSid: true,
      fullName: true,
      fullNameKana: true,
      loginEmail: true,
      createdAt: true,
      submittedAt: true,
      updatedAt: true,
    },
  })
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    items: page.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  }
}
