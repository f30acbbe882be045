import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { App } from '#src/app.ts'
import { japanDate } from '@kakunin/schema/japan-time'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { staffClient, TEST_PERSON } from '#src/test/staff-client.ts'
import { validAnswers } from '#src/test/valid-answers.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { hashStaffKey } from './staff-keys.ts'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('staff API keys', () => {
  it.each([
    ['no key', {}],
    ['a malformed header', { authorization: 'Basic abc' }],
    ['an unknown key', { authorization: `Bearer kk_${'x'.repeat(43)}` }],
  ])('answer %s with 401 on every route', async (_, headers) => {
    for (const url of ['/api/staff/applications', '/api/staff/keys', `/api/staff/account-sids/AC${'0'.repeat(32)}`]) {
      const response = await app.inject({ url, headers })
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('UNAUTHORIZED')
    }
  })

  it('are refused once revoked', async () => {
    const admin = await staffClient(app, 'ADMIN')
    const viewer = await staffClient(app, 'VIEWER')
    expect((await viewer.get('/applications')).statusCode).toBe(200)
    expect((await admin.post(`/keys/${viewer.id}/revoke`)).json().revokedAt).toEqual(expect.any(String))
    expect((await viewer.get('/applications')).statusCode).toBe(401)
  })

  it('carry roles: viewers read, reviewers decide, admins manage keys', async () => {
    const viewer = await staffClient(app, 'VIEWER')
    const reviewer = await staffClient(app, 'REVIEWER')
    const someId = '00000000-0000-4000-8000-000000000000'
    const decision = { decision: 'APPROVE', version: 1 }
    expect((await viewer.post(`/applications/${someId}/decision`, decision)).statusCode).toBe(403)
    expect((await reviewer.post(`/applications/${someId}/decision`, decision)).statusCode).toBe(404)
    expect((await reviewer.get('/keys')).statusCode).toBe(403)
    expect((await reviewer.post('/keys', { name: 'x', role: 'ADMIN', person: TEST_PERSON })).statusCode).toBe(403)
  })

  it('are shown once when an admin creates one, and stored only as a hash', async () => {
    const admin = await staffClient(app, 'ADMIN')
    const created = await admin.post('/keys', { name: 'sato-review', role: 'REVIEWER', person: { name: '佐藤 花子', department: 'コンプライアンス部' } })
    expect(created.statusCode).toBe(201)
    const { key, id } = created.json()
    expect(key).toMatch(/^kk_[A-Za-z0-9_-]{43}$/)
    const stored = await app.prisma.staffKey.findUniqueOrThrow({ where: { id } })
    expect(stored.keyHash).toBe(hashStaffKey(key))
    expect(JSON.stringify(stored)).not.toContain(key)
    const listed = (await admin.get('/keys')).json().keys.find((k: { id: string }) => k.id === id)
    expect(listed).toMatchObject({ name: 'sato-review', role: 'REVIEWER', person: { name: '佐藤 花子', department: 'コンプライアンス部' }, prefix: key.slice(0, 11) })
    expect(listed).not.toHaveProperty('key')
  })

  it('never let an admin key mint a 統括管理者 key (compliance keys come from the command line)', async () => {
    const admin = await staffClient(app, 'ADMIN')
    const refused = await admin.post('/keys', { name: '自称 統括管理者', role: 'COMPLIANCE', person: { name: '佐藤 花子', department: 'コンプライアンス部' } })
    expect(refused.statusCode).toBe(403)
    expect(await app.prisma.staffKey.count({ where: { name: '自称 統括管理者' } })).toBe(0)
  })

  it('validate what an admin sends', async () => {
    const admin = await staffClient(app, 'ADMIN')
    const response = await admin.post('/keys', { name: '', role: 'ROOT', extra: 1 })
    expect(response.statusCode).toBe(400)
    expect(Object.keys(response.json().error.fields).sort()).toEqual(['extra', 'name', 'person', 'role'])
    const nobody = await admin.post('/keys', { name: 'x', role: 'REVIEWER', person: { name: '', department: ' ' } })
    expect(nobody.statusCode).toBe(400)
    expect(Object.keys(nobody.json().error.fields).sort()).toEqual(['person.department', 'person.name'])
  })

  it('name the person who acts with them; a key naming no one reads but cannot decide, record or flag', async () => {
    const unnamed = await staffClient(app, 'COMPLIANCE', null)
    const browser = await applicantBrowser(app)
    await browser.submitComplete(validAnswers)
    const before = await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })
    const refusals = [
      await unnamed.post(`/applications/${browser.id}/decision`, { decision: 'DENY', version: before.version, reasonCodes: ['ID_MISMATCH_NAME'], noteToApplicant: '氏名をご確認ください' }),
      await unnamed.post(`/applications/${browser.id}/external-verifications`, {
        method: 'ic_chip',
        documentName: '運転免許証',
        documentNumber: '123456789012X',
        verifiedOn: japanDate(new Date()),
        verifiedBy: '窓口 太郎',
      }),
      await unnamed.post(`/applications/${browser.id}/suspicion`, { reason: '同一端末から多数の申込み' }),
    ]
    for (const refused of refusals) {
      expect(refused.statusCode).toBe(403)
      expect(refused.json().error.message).toContain('担当者（氏名と所属部署）が登録されていない')
    }
    expect(await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })).toMatchObject({ status: before.status, version: before.version })
    expect(await app.prisma.applicationEvent.count({ where: { applicationId: browser.id, actorId: unnamed.id } })).toBe(0)
    expect((await unnamed.get(`/applications/${browser.id}`)).statusCode).toBe(200)

    // A named key decides, and the record says who.
    const named = await staffClient(app, 'REVIEWER')
    const denied = await named.post(`/applications/${browser.id}/decision`, { decision: 'DENY', version: before.version, reasonCodes: ['ID_MISMATCH_NAME'], noteToApplicant: '氏名をご確認ください' })
    expect(denied.statusCode).toBe(200)
    const record = (await named.get(`/applications/${browser.id}/record`)).json()
    expect(record.record.verifiedBy).toMatchObject({ actorType: 'STAFF', person: TEST_PERSON })
  })

  it('can be created from the command line, the way the first admin key is made', () => {
    const cli = fileURLToPath(new URL('./staff-key-cli.ts', import.meta.url))
    const run = spawnSync(process.execPath, [cli, 'create', '--name', 'first admin', '--role', 'admin', '--person', '運用 一郎', '--department', '情報システム部'], {
      env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
      encoding: 'utf8',
    })
    expect(run.status, run.stderr).toBe(0)
    const key = run.stdout.match(/kk_[A-Za-z0-9_-]{43}/)?.[0]
    expect(key).toBeDefined()
    expect(run.stdout).toMatch(/shown only once/)
    expect(run.stdout).toContain('運用 一郎（情報システム部）')
    // Without a person, no key: the usage says what is missing.
    const unnamed = spawnSync(process.execPath, [cli, 'create', '--name', 'nobody', '--role', 'reviewer'], { env: { ...process.env, DATABASE_URL: inject('databaseUrl') }, encoding: 'utf8' })
    expect(unnamed.status).toBe(2)
    expect(unnamed.stderr).toContain('--person')
  })
})
