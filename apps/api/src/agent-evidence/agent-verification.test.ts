import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StepValues } from '@kakunin/schema/form/application-form'
import { documentDetails, PDF } from '@kakunin/test-data/documents'
import { validAgentPerson } from '@kakunin/test-data/answers'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { JPEG, multipart, sandboxPhone } from '#src/test/sandbox-phone.ts'
import { staffClient } from '#src/test/staff-client.ts'
import { buildTestApp, testConfig } from '#src/test/test-app.ts'
import { signWebhook } from '#src/http/webhook-signature.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

// 犯収法4条4項 and 施行規則12条5項: a declared 代理人 is verified by their own eKYC session, and
// why they act for the customer is established, before the application can be APPROVED.

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

type Relationship = StepValues['agent'] extends infer A ? (A extends { agent: { relationship: infer R } } ? R : never) : never
const agentAnswers = (relationship: Relationship, address = validAnswers.user.address) =>
  ({ ...validAnswers, agent: { hasAgent: 'YES', agent: { ...validAgentPerson, address, relationship, relationshipOther: '' } } }) as StepValues
const livingApart = { ...validAnswers.user.address, town: '道玄坂1-2-3' }

async function submitted(answers: StepValues) {
  const browser = await applicantBrowser(app)
  await browser.submitComplete(answers)
  return browser
}
type Browser = Awaited<ReturnType<typeof submitted>>

const openSession = (browser: Browser, who: 'customer' | 'agent') =>
  browser.send('POST', `/api/applications/${browser.id}/verifications${who === 'agent' ? '/agent' : ''}`)
const current = async (browser: Browser) => (await browser.send('GET', `/api/applications/${browser.id}/verifications/current`)).json()
const statusOf = async (browser: Browser) => (await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })).status
const eventsOf = (browser: Browser) => app.prisma.applicationEvent.findMany({ where: { applicationId: browser.id }, orderBy: { id: 'asc' } })

/** One person's phone through the sandbox, showing their own licence (or the one given). */
async function verifyOnPhone(browser: Browser, who: 'customer' | 'agent', details?: object) {
  const opened = await openSession(browser, who)
  expect(opened.statusCode, opened.body).toBe(201)
  expect(opened.json().subject).toBe(who === 'agent' ? 'AGENT' : 'CUSTOMER')
  const answers = (await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })).answers as StepValues
  const person = who === 'agent' && answers.agent.hasAgent === 'YES' ? answers.agent.agent : answers.user
  const completed = await sandboxPhone(app, opened.json().url).verify(details ?? documentDetails(person))
  expect(completed.statusCode, completed.body).toBe(204)
}

function uploadEvidence(browser: Browser, kind: string, file = PDF, filename = 'inin.pdf', type = 'application/pdf') {
  const body = multipart(file, filename, type)
  return app.inject({ method: 'POST', url: `/api/applications/${browser.id}/agent-evidence/${kind}`, headers: { ...browser.headers, ...body.headers }, payload: body.payload })
}

async function approveAsStaff(browser: Browser) {
  const staff = await staffClient(app, 'REVIEWER')
  const { version } = await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })
  return staff.post(`/applications/${browser.id}/decision`, { decision: 'APPROVE', version })
}

describe('the 代理人 verifies with a session of their own', () => {
  it('a relative at the customer’s address: both sessions approved, the ground found from the two verified addresses, APPROVED', async () => {
    const browser = await submitted(agentAnswers('FAMILY'))
    expect((await current(browser)).agent).toMatchObject({ name: '山田 花子', relationship: 'FAMILY', verification: null, evidenceRequired: false, groundDecided: false })

    await verifyOnPhone(browser, 'customer')
    // The customer's approval waits for the agent's: the verdict is kept, the status stays.
    expect(await statusOf(browser)).toBe('IN_REVIEW')
    const held = (await eventsOf(browser)).find((e) => e.type === 'VERIFICATION_APPROVED')
    expect(held?.data).toMatchObject({ subject: 'CUSTOMER', waitingFor: 'AGENT_VERIFICATION_REQUIRED' })
    expect((await current(browser)).verification.status).toBe('APPROVED')

    await verifyOnPhone(browser, 'agent')
    expect(await statusOf(browser)).toBe('APPROVED')
    const events = await eventsOf(browser)
    const ground = events.find((e) => e.type === 'AGENT_GROUND_DECIDED')
    expect(ground).toMatchObject({ actorType: 'SYSTEM', data: { ground: 'COHABITING_RELATIVE' } })
    const verifications = await app.prisma.verification.findMany({ where: { applicationId: browser.id } })
    const decided = events.find((e) => e.type === 'DECIDED' && e.toStatus === 'APPROVED')
    expect(decided?.data).toMatchObject({
      verificationId: verifications.find((v) => v.subject === 'CUSTOMER')?.id,
      agentVerificationId: verifications.find((v) => v.subject === 'AGENT')?.id,
    })
    // What the sandbox compared for the agent is the agent's declared data, and what it read is kept.
    const agentVerification = verifications.find((v) => v.subject === 'AGENT')
    expect(agentVerification?.result).toMatchObject({ verdict: 'APPROVED', read: { familyName: '山田', givenName: '花子' } })
    expect((await current(browser)).agent).toMatchObject({ verification: { status: 'APPROVED', subject: 'AGENT' }, groundDecided: true })
  })

  it('the agent first, then the customer: the second approval completes it', async () => {
    const browser = await submitted(agentAnswers('FAMILY'))
    await verifyOnPhone(browser, 'agent')
    expect(await statusOf(browser)).toBe('IN_REVIEW')
    // The customer can still open their session while the agent's is done.
    await verifyOnPhone(browser, 'customer')
    expect(await statusOf(browser)).toBe('APPROVED')
  })

  it('both verdicts arriving at once: one of them approves (no approval waits on the other for good)', async () => {
    const browser = await submitted(agentAnswers('FAMILY'))
    const [customer, agent] = [await openSession(browser, 'customer'), await openSession(browser, 'agent')]
    const phones = [sandboxPhone(app, customer.json().url), sandboxPhone(app, agent.json().url)]
    const answers = agentAnswers('FAMILY')
    for (const phone of phones) {
      for (const step of [await phone.start(), await phone.upload('front'), await phone.upload('back'), await phone.upload('selfie')]) expect(step.statusCode).toBe(204)
    }
    const completed = await Promise.all([phones[0]!.complete(documentDetails(answers.user)), phones[1]!.complete(documentDetails(answers.agent.hasAgent === 'YES' ? answers.agent.agent : answers.user))])
    expect(completed.map((r) => r.statusCode)).toEqual([204, 204])
    expect(await statusOf(browser)).toBe('APPROVED')
  })

  it('a decision while the agent’s verification is pending is refused (409) and changes nothing', async () => {
    const browser = await submitted(agentAnswers('FAMILY'))
    await verifyOnPhone(browser, 'customer')
    const before = await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })
    const refused = await approveAsStaff(browser)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.message).toContain('代理人の本人確認')
    expect(await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })).toMatchObject({ status: 'IN_REVIEW', version: before.version })
  })

  it('a mismatch on the agent’s document denies, and the denial says it was the agent’s details', async () => {
    const browser = await submitted(agentAnswers('FAMILY'))
    await verifyOnPhone(browser, 'agent', { ...documentDetails({ ...validAgentPerson, address: validAnswers.user.address } as StepValues['user']), familyName: '佐藤' })
    expect(await statusOf(browser)).toBe('DENIED')
    const application = (await browser.refresh()) as { denial: { fields: string[]; hints: string[] } }
    expect(application.denial.fields).toEqual(['agent.agent.familyName'])
    expect(application.denial.hints).toEqual([expect.stringMatching(/^代理人の氏名（姓）が本人確認書類の記載と一致しません/)])
  })

  it('refuses an agent session when there is no agent, and a second one while the first is being reviewed', async () => {
    const alone = await submitted(validAnswers)
    expect((await openSession(alone, 'agent')).statusCode).toBe(409)
    expect((await current(alone)).agent).toBeNull()
    const browser = await submitted(agentAnswers('FAMILY'))
    await verifyOnPhone(browser, 'agent')
    expect((await openSession(browser, 'agent')).statusCode).toBe(409)
  })
})

describe('webhooks out of order', () => {
  const secret = testConfig().SANDBOX_EKYC_WEBHOOK_SECRET
  const deliver = (payload: object) => {
    const body = JSON.stringify(payload)
    return app.inject({ method: 'POST', url: '/api/webhooks/ekyc/sandbox', headers: { 'content-type': 'application/json', 'x-kakunin-signature': signWebhook(secret, body) }, payload: body })
  }

  it('a progress event redelivered after the verdict changes nothing: the approved session stays approved', async () => {
    const browser = await submitted(agentAnswers('FAMILY'))
    await verifyOnPhone(browser, 'customer')
    const before = await app.prisma.verification.findFirstOrThrow({ where: { applicationId: browser.id, subject: 'CUSTOMER' } })
    for (const type of ['session.submitted', 'session.started'] as const) {
      const session = type === 'session.started' ? { id: before.providerReference, method: 'ic_chip', document_type: 'drivers_license' } : { id: before.providerReference }
      expect((await deliver({ id: `evt_late_${type}_${before.id}`, type, created: new Date().toISOString(), session })).statusCode).toBe(200)
    }
    const after = await app.prisma.verification.findUniqueOrThrow({ where: { id: before.id } })
    expect(after).toMatchObject({ status: 'APPROVED', submittedAt: before.submittedAt, startedAt: before.startedAt })
    await verifyOnPhone(browser, 'agent')
    expect(await statusOf(browser)).toBe('APPROVED')
  })

  it('a verdict for a session of an earlier submission does not act on the corrected one', async () => {
    const browser = await submitted(agentAnswers('FAMILY'))
    const old = await openSession(browser, 'customer')
    const oldVerification = await app.prisma.verification.findFirstOrThrow({ where: { applicationId: browser.id } })
    // Denied by the agent's mismatch, corrected, submitted again.
    await verifyOnPhone(browser, 'agent', { ...documentDetails({ ...validAgentPerson, address: validAnswers.user.address } as StepValues['user']), familyName: '佐藤' })
    expect(await statusOf(browser)).toBe('DENIED')
    await browser.refresh()
    expect((await browser.submit()).statusCode).toBe(200)
    expect(old.statusCode).toBe(201)
    const late = await deliver({ id: `evt_late_review_${oldVerification.id}`, type: 'session.reviewed', created: new Date().toISOString(), session: { id: oldVerification.providerReference }, review: { verdict: 'denied', reasons: ['ID_MISMATCH'], mismatches: [] } })
    expect(late.statusCode).toBe(200)
    expect(await statusOf(browser)).toBe('SUBMITTED')
  })
})

describe('why the agent acts (施行規則12条5項)', () => {
  it('a relative living apart: needs a 委任状 or a call, and a reviewer cannot claim they live together', async () => {
    const browser = await submitted(agentAnswers('FAMILY', livingApart))
    expect((await current(browser)).agent).toMatchObject({ evidenceRequired: false, evidenceKind: 'POWER_OF_ATTORNEY' })
    await verifyOnPhone(browser, 'customer')
    await verifyOnPhone(browser, 'agent')
    expect(await statusOf(browser)).toBe('IN_REVIEW')
    const held = (await eventsOf(browser)).filter((e) => e.type === 'VERIFICATION_APPROVED').at(-1)
    expect(held?.data).toMatchObject({ waitingFor: 'AGENT_GROUND_REQUIRED' })
    const staff = await staffClient(app, 'REVIEWER')
    expect((await staff.post(`/applications/${browser.id}/agent-ground`, { ground: 'COHABITING_RELATIVE' })).statusCode).toBe(409)
    expect((await approveAsStaff(browser)).json().error.message).toContain('施行規則12条5項')
  })

  it('a friend with a 委任状: uploaded, read by a named reviewer, then approved', async () => {
    const browser = await submitted(agentAnswers('FRIEND', livingApart))
    await verifyOnPhone(browser, 'customer')
    await verifyOnPhone(browser, 'agent')
    expect((await approveAsStaff(browser)).statusCode).toBe(409)

    expect((await uploadEvidence(browser, 'POWER_OF_ATTORNEY')).statusCode).toBe(204)
    const [evidence] = (await current(browser)).agent.evidence
    expect(evidence).toMatchObject({ kind: 'POWER_OF_ATTORNEY' })
    const staff = await staffClient(app, 'REVIEWER')
    const file = await staff.get(`/applications/${browser.id}/agent-evidence/${evidence.id}`)
    expect(file.headers['content-type']).toBe('application/pdf')
    expect(file.headers['content-disposition']).toBe('attachment')
    expect(file.rawPayload.equals(PDF)).toBe(true)

    expect((await staff.post(`/applications/${browser.id}/agent-ground`, { ground: 'POWER_OF_ATTORNEY', documentId: evidence.id })).statusCode).toBe(204)
    expect((await approveAsStaff(browser)).json()).toEqual({ status: 'APPROVED' })
    const ground = (await eventsOf(browser)).find((e) => e.type === 'AGENT_GROUND_DECIDED')
    expect(ground).toMatchObject({ actorType: 'STAFF', data: { ground: 'POWER_OF_ATTORNEY', documentId: evidence.id, person: { name: '審査 花子' } } })
  })

  it('a friend confirmed by a call to the customer: the number and time recorded, a call in the future refused', async () => {
    const browser = await submitted(agentAnswers('TEAMMATE', livingApart))
    await verifyOnPhone(browser, 'customer')
    await verifyOnPhone(browser, 'agent')
    const staff = await staffClient(app, 'REVIEWER')
    const future = new Date(Date.now() + 3_600_000).toISOString()
    const refused = await staff.post(`/applications/${browser.id}/agent-ground`, { ground: 'PHONE_CONFIRMATION', phoneNumber: '03-1234-5678', numberSource: 'Twilioアカウントの登録電話番号', calledAt: future })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.fields).toHaveProperty('calledAt')
    expect((await staff.post(`/applications/${browser.id}/agent-ground`, { ground: 'PHONE_CONFIRMATION', phoneNumber: '０３－１２３４－５６７８', numberSource: 'Twilioアカウントの登録電話番号', calledAt: new Date().toISOString() })).statusCode).toBe(204)
    const ground = (await eventsOf(browser)).find((e) => e.type === 'AGENT_GROUND_DECIDED')
    expect(ground?.data).toMatchObject({ ground: 'PHONE_CONFIRMATION', phoneNumber: '0312345678' })
    expect((await approveAsStaff(browser)).json()).toEqual({ status: 'APPROVED' })
  })

  it('a 法定代理人: only the document showing it; a 委任状 or a call is not that ground', async () => {
    const browser = await submitted(agentAnswers('LEGAL_GUARDIAN', livingApart))
    expect((await current(browser)).agent).toMatchObject({ evidenceKind: 'GUARDIANSHIP_PROOF', evidenceRequired: true })
    const wrongKind = await uploadEvidence(browser, 'POWER_OF_ATTORNEY')
    expect(wrongKind.statusCode).toBe(400)
    expect(wrongKind.json().error.fields).toHaveProperty('kind')
    expect((await uploadEvidence(browser, 'GUARDIANSHIP_PROOF', JPEG, 'koseki.jpg', 'image/jpeg')).statusCode).toBe(204)
    await verifyOnPhone(browser, 'customer')
    await verifyOnPhone(browser, 'agent')
    const staff = await staffClient(app, 'REVIEWER')
    const phone = await staff.post(`/applications/${browser.id}/agent-ground`, { ground: 'PHONE_CONFIRMATION', phoneNumber: '0312345678', numberSource: 'Twilioアカウントの登録電話番号', calledAt: new Date().toISOString() })
    expect(phone.statusCode).toBe(400)
    expect(phone.json().error.fields).toHaveProperty('ground')
    const [evidence] = (await current(browser)).agent.evidence
    expect((await staff.post(`/applications/${browser.id}/agent-ground`, { ground: 'LEGAL_REPRESENTATIVE', documentId: evidence.id })).statusCode).toBe(204)
    expect((await approveAsStaff(browser)).json()).toEqual({ status: 'APPROVED' })
  })
})

describe('staff acting for the agent', () => {
  it('records an agent verified outside kakunin as the agent’s, never as the customer’s', async () => {
    const browser = await submitted(agentAnswers('FAMILY'))
    const reviewer = await staffClient(app, 'REVIEWER')
    const external = { method: 'ic_chip', documentName: '運転免許証', documentNumber: 'AB1234567', verifiedOn: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date()), verifiedBy: '窓口 山田' }
    expect((await reviewer.post(`/applications/${browser.id}/external-verifications`, { ...external, subject: 'AGENT' })).statusCode).toBe(201)
    // The customer is still to be verified: the agent's verification is no verification of the customer.
    expect((await approveAsStaff(browser)).json().error.message).toContain('本人確認（eKYC）の結果がない')
    await verifyOnPhone(browser, 'customer')
    // No reading of the agent's document to compare: living together is for a reviewer to decide.
    expect(await statusOf(browser)).toBe('IN_REVIEW')
    expect((await reviewer.post(`/applications/${browser.id}/agent-ground`, { ground: 'COHABITING_RELATIVE', note: '住民票の写しで同一世帯を確認' })).statusCode).toBe(204)
    expect((await approveAsStaff(browser)).json()).toEqual({ status: 'APPROVED' })
    const alone = await submitted(validAnswers)
    expect((await reviewer.post(`/applications/${alone.id}/external-verifications`, { ...external, subject: 'AGENT' })).statusCode).toBe(409)
  })

  it('a staff denial for the agent’s details points at 代理人情報', async () => {
    const browser = await submitted(agentAnswers('FRIEND', livingApart))
    const reviewer = await staffClient(app, 'REVIEWER')
    const { version } = await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })
    const denied = await reviewer.post(`/applications/${browser.id}/decision`, { decision: 'DENY', version, reasonCodes: ['AGENT_ID_MISMATCH', 'AGENT_AUTHORITY_NOT_CONFIRMED'], noteToApplicant: '代理人の住所をご確認ください' })
    expect(denied.statusCode).toBe(200)
    const application = (await browser.refresh()) as { denial: { fields: string[]; hints: string[] } }
    expect(application.denial.fields).toEqual(['agent.agent.familyName', 'agent.agent.givenName', 'agent.agent.birthDate', 'agent.agent.address'])
    expect(application.denial.hints[0]).toMatch(/^代理人の/)
    expect(application.denial.hints[1]).toContain('委任状')
  })
})

describe('bad evidence and bad decisions', () => {
  it('refuses a file that is not a document (400), one over the limit (413), and an application without an agent (409)', async () => {
    const browser = await submitted(agentAnswers('FRIEND', livingApart))
    const text = await uploadEvidence(browser, 'POWER_OF_ATTORNEY', Buffer.from('not a pdf'), 'inin.pdf')
    expect(text.statusCode).toBe(400)
    expect(text.json().error.fields).toHaveProperty('file')
    const huge = await uploadEvidence(browser, 'POWER_OF_ATTORNEY', Buffer.alloc(11 * 1024 * 1024, 1))
    expect(huge.statusCode).toBe(413)
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE')
    expect((await uploadEvidence(browser, 'SOMETHING')).statusCode).toBe(400)
    const alone = await submitted(validAnswers)
    expect((await uploadEvidence(alone, 'POWER_OF_ATTORNEY')).statusCode).toBe(409)
    expect(await app.prisma.agentEvidenceDocument.count({ where: { applicationId: { in: [browser.id, alone.id] } } })).toBe(0)
  })

  it('refuses a ground with another application’s document, a key that names no one, and a viewer key', async () => {
    const other = await submitted(agentAnswers('FRIEND', livingApart))
    expect((await uploadEvidence(other, 'POWER_OF_ATTORNEY')).statusCode).toBe(204)
    const [foreign] = (await current(other)).agent.evidence
    const browser = await submitted(agentAnswers('FRIEND', livingApart))
    const reviewer = await staffClient(app, 'REVIEWER')
    const wrongDocument = await reviewer.post(`/applications/${browser.id}/agent-ground`, { ground: 'POWER_OF_ATTORNEY', documentId: foreign.id })
    expect(wrongDocument.statusCode).toBe(400)
    expect(wrongDocument.json().error.fields).toHaveProperty('documentId')
    const nobody = await staffClient(app, 'REVIEWER', null)
    expect((await nobody.post(`/applications/${browser.id}/agent-ground`, { ground: 'PHONE_CONFIRMATION', phoneNumber: '0312345678', numberSource: 'Twilioアカウントの登録電話番号', calledAt: new Date().toISOString() })).statusCode).toBe(403)
    const viewer = await staffClient(app, 'VIEWER')
    expect((await viewer.post(`/applications/${browser.id}/agent-ground`, { ground: 'PHONE_CONFIRMATION', phoneNumber: '0312345678', numberSource: 'Twilioアカウントの登録電話番号', calledAt: new Date().toISOString() })).statusCode).toBe(403)
    expect((await reviewer.post(`/applications/${browser.id}/agent-ground`, { ground: 'PHONE_CONFIRMATION', phoneNumber: '12', numberSource: 'Twilioアカウントの登録電話番号', calledAt: 'yesterday' })).json().error.fields).toMatchObject({
      phoneNumber: expect.any(String),
      calledAt: expect.any(String),
    })
    expect((await eventsOf(browser)).some((e) => e.type === 'AGENT_GROUND_DECIDED')).toBe(false)
  })
})
