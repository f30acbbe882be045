import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { Prisma } from '#src/generated/prisma/client.ts'
import { maskUrl, scrubText, secretFreeLogger, serializeError } from './log-serializers.ts'

const TOKEN = 'galVGpnkr2keQUpWCA6au8XZVgQ_2ST5_gLq21BqDws'
const SID = 'AC0d347904597ddc689a795022cba804b0'
const ID = '511aa4ab-dad9-4440-bfb2-ca650106268c'

describe('maskUrl', () => {
  it.each([
    [`/api/resume/${TOKEN}`, '/api/resume/***'],
    [`/api/resume/${TOKEN}/renew`, '/api/resume/***/renew'],
    // The slot is masked whatever is in it: a short or mistyped token is still someone's attempt.
    ['/api/resume/abc', '/api/resume/***'],
    [`/API/Resume/${TOKEN}`, '/API/Resume/***'],
    [`/api/owner-confirmations/${TOKEN}/decline`, '/api/owner-confirmations/***/decline'],
    [`/api/sandbox-ekyc/sessions/${TOKEN}/uploads/front`, '/api/sandbox-ekyc/sessions/***/uploads/front'],
    [`/api/staff/account-sids/${SID}`, '/api/staff/account-sids/***'],
    [`/resume/${TOKEN}`, '/resume/***'],
    [`/link-confirm/${TOKEN}`, '/link-confirm/***'],
    [`/m/verify/${TOKEN}`, '/m/verify/***'],
    // Anywhere else: what looks like a token, an address or anything not ASCII.
    [`/api/unknown/${'0123456789abcdef'.repeat(4)}`, '/api/unknown/***'],
    [`/api/unknown/${SID}/x`, '/api/unknown/***/x'],
    ['/api/unknown/taro%40example.com', '/api/unknown/***'],
    ['/api/unknown/%E9%B7%B9%E5%8F%B8', '/api/unknown/***'],
    // Ids, words and hashed asset names stay readable.
    [`/api/applications/${ID}/steps/user`, `/api/applications/${ID}/steps/user`],
    [`/api/staff/applications/${ID}/external-verifications`, `/api/staff/applications/${ID}/external-verifications`],
    ['/assets/index-BxYz12ab.js', '/assets/index-BxYz12ab.js'],
    ['/api/unknown/%ZZ', '/api/unknown/%ZZ'],
  ])('%s → %s', (url, masked) => {
    expect(maskUrl(url)).toBe(masked)
  })

  it('keeps the query names and drops every value, on every route', () => {
    expect(maskUrl('/api/staff/applications?name=%E9%B7%B9%E5%8F%B8&email=taro%40example.com&status=DRAFT')).toBe(
      '/api/staff/applications?name=***&email=***&status=***',
    )
    expect(maskUrl('/api/dev/mailbox?to=taro@example.com')).toBe('/api/dev/mailbox?to=***')
    expect(maskUrl('/?%E9%B7%B9%E5%8F%B8=1&flag')).toBe('/?***=***&flag=***')
    expect(maskUrl(`/api/resume/${TOKEN}?x=1#frag`)).toBe('/api/resume/***?x=***')
  })
})

describe('scrubText', () => {
  it('masks addresses as the app shows them and token-like runs, and leaves words and ids', () => {
    expect(scrubText('550 5.1.1 <taro@example.com>: Recipient address rejected')).toBe('550 5.1.1 <t***@example.com>: Recipient address rejected')
    expect(scrubText(`Reply was already sent in "/api/resume/${TOKEN}"`)).toBe('Reply was already sent in "/api/resume/***"')
    expect(scrubText(`fastify-type-provider-zod ${ID} ${SID}`)).toBe(`fastify-type-provider-zod ${ID} ***`)
  })
})

/** An error shaped as node-postgres makes them (pg's DatabaseError fields, as a real one carries). */
function pgError(message: string, fields: Record<string, unknown>) {
  return Object.assign(new Error(message), { severity: 'ERROR', file: 'nbtinsert.c', line: '673', routine: '_bt_check_unique', ...fields })
}

describe('serializeError', () => {
  it('keeps what names the failure and drops what quotes data', () => {
    const error = pgError('duplicate key value violates unique constraint "inquiries_email_key"', {
      code: '23505',
      detail: 'Key (email)=(taro@example.com) already exists.',
      where: "SQL statement \"SELECT 1 WHERE name = '鷹司'\"",
      hint: '鷹司',
      internalQuery: "SELECT '鷹司'",
      table: 'inquiries',
      constraint: 'inquiries_email_key',
      rawPacket: Buffer.from('GET / HTTP/1.1\r\ncookie: kakunin_applicant=secret\r\n'),
    })
    const serialized = serializeError(error)
    expect(serialized).toMatchObject({ type: 'Error', code: '23505', table: 'inquiries', constraint: 'inquiries_email_key', routine: '_bt_check_unique' })
    expect(serialized.message).toBe('duplicate key value violates unique constraint "inquiries_email_key"')
    expect(serialized.stack).toMatch(/^Error: duplicate key value[^\n]*\n {4}at /)
    expect(JSON.stringify(serialized)).not.toMatch(/taro|鷹司|cookie|rawPacket|detail|where|hint/)
  })

  it('removes the value PostgreSQL quotes in a data exception (class 22)', () => {
    const serialized = serializeError(pgError('invalid input syntax for type integer: "鷹司 絢音"', { code: '22P02' }))
    expect(serialized.message).toBe('invalid input syntax for type integer: "***"')
    expect(serialized.stack).not.toContain('鷹司')
  })

  it('keeps the last line of a Prisma error, not the arguments it draws, nor the adapter\'s message', () => {
    const validation = new Prisma.PrismaClientValidationError(
      'Invalid `prisma.inquiry.create()` invocation:\n\n{\n  data: {\n    name: "鷹司 絢音",\n    email: 123\n  }\n}\n\nArgument `email`: Invalid value provided. Expected String, provided Int.',
      { clientVersion: '7.10.0' },
    )
    expect(serializeError(validation).message).toBe('Argument `email`: Invalid value provided. Expected String, provided Int.')

    const known = new Prisma.PrismaClientKnownRequestError('\nInvalid `prisma.$queryRaw()` invocation:\n\n\nRaw query failed. Code: `22P02`. Message: `invalid input syntax for type integer: "鷹司"`', {
      code: 'P2010',
      clientVersion: '7.10.0',
      meta: { modelName: 'Inquiry', driverAdapterError: { cause: { originalCode: '22P02', originalMessage: 'invalid input syntax for type integer: "鷹司"', kind: 'InvalidInputValue' } } },
    })
    const serialized = serializeError(known)
    expect(serialized).toMatchObject({ code: 'P2010', meta: { modelName: 'Inquiry', driverAdapterError: { originalCode: '22P02', kind: 'InvalidInputValue' } } })
    expect(JSON.stringify(serialized)).not.toContain('鷹司')
  })

  it('follows causes, and scrubs strings logged as errors', () => {
    const wrapped = new Error('outer', { cause: pgError('x', { code: '23505', detail: 'Key (email)=(taro@example.com) already exists.' }) })
    expect(serializeError(wrapped).cause).toMatchObject({ code: '23505' })
    expect(JSON.stringify(serializeError(wrapped))).not.toContain('taro@')
    expect(serializeError('Can\'t send mail - all recipients were rejected: 550 <taro@example.com>').message).toBe(
      'Can\'t send mail - all recipients were rejected: 550 <t***@example.com>',
    )
  })
})

describe('secretFreeLogger', () => {
  it('leaves a disabled logger disabled and gives the default one the configured level', () => {
    expect(secretFreeLogger(false, 'info')).toBe(false)
    expect(secretFreeLogger(undefined, 'warn')).toMatchObject({ level: 'warn' })
  })

  it('redacts secret headers logged by hand, and an error\'s message pino would copy into msg', async () => {
    const lines: string[] = []
    const app = Fastify({ logger: secretFreeLogger({ level: 'info', stream: { write: (line: string) => lines.push(line) } }, 'info') })
    app.get('/probe', async (request) => {
      request.log.info({ headers: request.headers }, 'headers')
      request.log.error(pgError('invalid input syntax for type integer: "鷹司"', { code: '22P02' }))
      // As the outbox worker logs a failed delivery: SMTP's answer, which names the recipient.
      request.log.warn({ err: '550 5.1.1 <taro@example.com>: Recipient address rejected' }, 'email delivery failed')
      return {}
    })
    const response = await app.inject({
      url: `/probe?email=taro%40example.com`,
      headers: { cookie: 'kakunin_applicant=cookie-secret', authorization: 'Bearer kk_staff-secret', 'x-kakunin-signature': 't=1,v1=sig-secret' },
    })
    expect(response.statusCode).toBe(200)
    await app.close()
    const log = lines.join('')
    expect(log).not.toMatch(/secret|鷹司|taro/)
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(entries.find((entry) => entry.msg === 'headers')).toMatchObject({ headers: { cookie: '***', authorization: '***', 'x-kakunin-signature': '***' } })
    expect(entries.find((entry) => entry.msg === 'incoming request')).toMatchObject({ req: { method: 'GET', url: '/probe?email=***' } })
    expect(entries.some((entry) => entry.msg === 'invalid input syntax for type integer: "***"')).toBe(true)
    expect(entries.find((entry) => entry.msg === 'email delivery failed')).toMatchObject({ err: { message: '550 5.1.1 <t***@example.com>: Recipient address rejected' } })
  })
})
