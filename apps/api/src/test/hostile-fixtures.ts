import type { StepValues } from '@kakunin/schema/form/application-form'
import { z } from '@kakunin/schema/zod'
import { STAFF_ROLES, type StaffRole } from '@kakunin/schema/staff'
import type { App } from '#src/app.ts'
import { createStaffKey } from '#src/staff/staff-keys.ts'
import { sandboxWebhookPayload } from '#src/verification/sandbox/sandbox-webhook.ts'
import { trustdockWebhook } from '#src/verification/trustdock/trustdock-provider.ts'
import { applicantBrowser } from './applicant-browser.ts'
import { TEST_PERSON } from './staff-client.ts'
import { validAgentPerson, withAgent } from '@kakunin/test-data/answers'
import { PDF } from '@kakunin/test-data/documents'
import { JPEG, matchingDetails, multipart, sandboxPhone } from './sandbox-phone.ts'
import { validAnswers } from './valid-answers.ts'
import { detailsOf, newSid } from './verified-applicant.ts'
import type { Operation, Targets } from './hostile-requests.ts'
import type { JsonSchema } from './json-schema-values.ts'

type Browser = Awaited<ReturnType<typeof applicantBrowser>>

/** A submitted application taken through the sandbox phone flow with `details` read from the ID. */
async function verified(app: App, answers: StepValues, details = detailsOf(answers.user)) {
  const browser = await applicantBrowser(app)
  await browser.submitComplete(answers)
  const started = await browser.send('POST', `/api/applications/${browser.id}/verifications`, {})
  if (started.statusCode !== 201) throw new Error(`verification failed to start: ${started.body}`)
  const completed = await sandboxPhone(app, started.json().url).verify(details)
  if (completed.statusCode !== 204) throw new Error(`phone flow failed: ${completed.body}`)
  return { browser, id: browser.id, sid: answers.login.accountSid, url: started.json().url as string }
}

/** Applications in every state the routes treat differently, each with its browser's session. */
async function applicants(app: App) {
  const fresh = await applicantBrowser(app)
  const fresh2 = await applicantBrowser(app)
  const filled = await applicantBrowser(app)
  await filled.saveAll()
  const filled2 = await applicantBrowser(app)
  await filled2.saveAll()
  const submitted = await applicantBrowser(app)
  await submitted.submitComplete()

  // A QR code opened on the phone (uploads accepted) and one not yet scanned.
  const verifying = await applicantBrowser(app)
  await verifying.submitComplete()
  const started = await verifying.send('POST', `/api/applications/${verifying.id}/verifications`, {})
  const scanned = sandboxPhone(app, started.json().url)
  if ((await scanned.start()).statusCode !== 204) throw new Error('the phone could not start')
  const pending = await applicantBrowser(app)
  await pending.submitComplete()
  const unscanned = (await pending.send('POST', `/api/applications/${pending.id}/verifications`, {})).json().url as string

  // Phones with every photo taken: only the details are missing (their own tokens, so that no
  // request to /start resets them first).
  const ready: string[] = []
  for (let i = 0; i < 6; i++) {
    const browser = await applicantBrowser(app)
    await browser.submitComplete({ ...validAnswers, login: { ...validAnswers.login, accountSid: newSid() } })
    const url = (await browser.send('POST', `/api/applications/${browser.id}/verifications`, {})).json().url as string
    const phone = sandboxPhone(app, url)
    for (const response of [await phone.start(), await phone.upload('front'), await phone.upload('back'), await phone.upload('selfie')]) {
      if (response.statusCode !== 204) throw new Error(`phone step failed: ${response.body}`)
    }
    ready.push(new URL(url).pathname.split('/').pop()!)
  }

  const approved = await verified(app, { ...validAnswers, login: { ...validAnswers.login, accountSid: newSid() } })
  const enhanced = await verified(app, { ...validAnswers, login: { ...validAnswers.login, accountSid: newSid() }, extra: { ...validAnswers.extra, foreignPep: 'CURRENT' } })
  const file = multipart(JPEG)
  const upload = await app.inject({ method: 'POST', url: `/api/applications/${enhanced.id}/review-documents/ADDITIONAL_ID`, payload: file.payload, headers: { ...enhanced.browser.headers, ...file.headers } })
  if (upload.statusCode !== 204) throw new Error(`the review document was refused: ${upload.body}`)

  const denied = await verified(app, { ...validAnswers, login: { ...validAnswers.login, accountSid: newSid() } }, { ...detailsOf(validAnswers.user), familyName: '別人' })

  // A friend acting as 代理人 (a 委任状 uploaded), both people's QR codes yet to be opened.
  const agentSubmitted = await applicantBrowser(app)
  await agentSubmitted.submitComplete({ ...validAnswers, login: { ...validAnswers.login, accountSid: newSid() }, agent: { hasAgent: 'YES', agent: { ...validAgentPerson, relationship: 'FRIEND' } } })
  const letter = multipart(PDF, 'inin.pdf', 'application/pdf')
  const evidence = await app.inject({ method: 'POST', url: `/api/applications/${agentSubmitted.id}/agent-evidence/POWER_OF_ATTORNEY`, payload: letter.payload, headers: { ...agentSubmitted.headers, ...letter.headers } })
  if (evidence.statusCode !== 204) throw new Error(`the 委任状 was refused: ${evidence.body}`)

  // 2回目以降, waiting for the owner of the verified account, and one still a draft.
  const linkLogin = { accountSid: newSid(), verifiedAccountSid: approved.sid, loginEmail: 'second@example.com', contactEmail: 'second.backup@example.net' }
  const linkPending = await applicantBrowser(app, 'LINK_VERIFIED')
  await linkPending.save('type', validAnswers.type)
  await linkPending.save('login', linkLogin)
  const linked = await linkPending.send('POST', `/api/applications/${linkPending.id}/submit-link`, { version: linkPending.version })
  if (linked.statusCode !== 200) throw new Error(`submit-link failed: ${linked.body}`)
  const linkDraft = await applicantBrowser(app, 'LINK_VERIFIED')
  await linkDraft.save('type', validAnswers.type)
  await linkDraft.save('login', { ...linkLogin, accountSid: newSid() })
  const linkDraft2 = await applicantBrowser(app, 'LINK_VERIFIED')
  await linkDraft2.save('type', validAnswers.type)
  await linkDraft2.save('login', { ...linkLogin, accountSid: newSid() })
  // More owners' confirmations waiting, so that both answers find some unanswered.
  for (let i = 0; i < 3; i++) {
    const browser = await applicantBrowser(app, 'LINK_VERIFIED')
    await browser.save('type', validAnswers.type)
    await browser.save('login', { ...linkLogin, accountSid: newSid() })
    const response = await browser.send('POST', `/api/applications/${browser.id}/submit-link`, { version: browser.version })
    if (response.statusCode !== 200) throw new Error(`submit-link failed: ${response.body}`)
  }

  const browsers: Record<string, Browser> = {
    fresh, fresh2, filled, filled2, submitted, verifying, pending, approved: approved.browser, enhanced: enhanced.browser, denied: denied.browser, linkPending, linkDraft, linkDraft2, agentSubmitted,
  }
  return { browsers, ready, qrUrls: [started.json().url as string, unscanned, denied.url], sids: [approved.sid, enhanced.sid, linkLogin.accountSid] }
}

/** One valid body per operation that takes one (the version is replaced by the application's current one). */
function bodyExamples(): Record<string, readonly unknown[]> {
  const step = (name: keyof typeof validAnswers, values: unknown) => [{ version: 1, values }, { version: 1, values, resumeAt: name }]
  const agent = { ...withAgent(), agent: { ...validAgentPerson, address: { ...validAgentPerson.address, building: 'ビル' } } }
  return {
    'POST /api/applications': [{ flow: 'FIRST_TIME' }, { flow: 'LINK_VERIFIED' }],
    ...Object.fromEntries(Object.entries(validAnswers).map(([name, values]) => [`PUT /api/applications/{id}/steps/${name}`, step(name as keyof typeof validAnswers, values)])),
    // 下書き保存 takes the same body: without examples its nearly valid requests were schema values alone,
    // which reached the service only by chance (a seed shifted by a new route could miss it).
    ...Object.fromEntries(Object.entries(validAnswers).map(([name, values]) => [`PUT /api/applications/{id}/steps/${name}/draft`, step(name as keyof typeof validAnswers, values)])),
    'PUT /api/applications/{id}/steps/agent': [...step('agent', validAnswers.agent), ...step('agent', agent)],
    'POST /api/applications/{id}/submit': [{ version: 1 }],
    'POST /api/applications/{id}/submit-link': [{ version: 1 }],
    'POST /api/inquiries': [{ kind: 'KYC', name: '山田太郎', email: 'taro@example.com', accountSid: '', content: '確認状況を教えてください。\n二行目', attachApplication: true }],
    'POST /api/staff/inquiries/{id}/answer': [{ note: '回答しました' }],
    'POST /api/staff/applications/{id}/external-verifications': [
      { method: 'ic_chip', documentName: '運転免許証', documentNumber: 'AB1234567', verifiedOn: '2026-11-01', verifiedBy: '窓口 山田' },
    ],
    'POST /api/staff/applications/{id}/agent-ground': [{ ground: 'PHONE_CONFIRMATION', phoneNumber: '03-1234-5678', numberSource: 'Twilioアカウントの登録電話番号', calledAt: new Date().toISOString(), note: '利用者本人に確認' }],
    'POST /api/staff/applications/{id}/suspicion': [{ reason: '申告内容と取引の実態が合わない' }],
    'POST /api/staff/applications/{id}/decision': [
      { decision: 'APPROVE', version: 1, reason: '書類を確認しました', internalNote: 'メモ' },
      { decision: 'DENY', version: 1, reasonCodes: ['ID_MISMATCH_NAME'], noteToApplicant: '氏名が一致しません', internalNote: '' },
    ],
    'POST /api/staff/keys': [{ name: '確認担当', role: 'VIEWER', person: { name: '確認 太郎', department: '取引時確認センター' } }],
    'POST /api/staff/applications/{id}/record/notes': [{ text: '住所変更の届出を受けた。' }],
    'POST /api/sandbox-ekyc/sessions/{token}/start': [{ method: 'ic_chip', documentType: 'my_number_card' }, { method: 'ho', documentType: 'drivers_license' }],
    'POST /api/sandbox-ekyc/sessions/{token}/complete': [matchingDetails],
  }
}

/** The sandbox vendor's three events, about real sessions. */
function sandboxWebhooks(sessionIds: readonly string[]) {
  return sessionIds.flatMap((id, index) => [
    { id: `evt_hostile_${index}_started`, type: 'session.started', created: '2026-12-01T03:00:00.000Z', session: { id, method: 'ic_chip', document_type: 'my_number_card' } },
    { id: `evt_hostile_${index}_submitted`, type: 'session.submitted', created: '2026-12-01T03:01:00.000Z', session: { id } },
    {
      id: `evt_hostile_${index}_reviewed`,
      type: 'session.reviewed',
      created: '2026-12-01T03:02:00.000Z',
      session: { id },
      review: { verdict: 'denied', reasons: ['ID_MISMATCH'], mismatches: [{ field: 'familyName', reason: 'NAME_MISMATCH', hint: '氏名が異なります' }] },
    },
  ])
}

const ACTING: [RegExp, string[]][] = [
  [/\/submit-link$/, ['linkDraft', 'linkDraft2']],
  [/\/steps\/|\/submit$|\/draft-link$/, ['fresh', 'fresh2', 'filled', 'filled2', 'linkDraft', 'linkDraft2']],
  [/\/review-documents\//, ['enhanced']],
  // The friend's application takes a 委任状; one without an agent refuses it by its rule (409).
  [/\/agent-evidence\//, ['agentSubmitted', 'submitted']],
  [/\/verifications/, ['submitted', 'pending', 'verifying', 'denied', 'agentSubmitted']],
]

const tokenIn = (text: string, pattern: RegExp) => text.match(pattern)?.[1]

/**
 * Everything the hostile suite's requests can name for real: sessions, staff keys of each role,
 * application, inquiry, document, mail and key ids, resume, QR and owner-confirmation tokens, and
 * the providers' webhook payloads with the sessions they refer to.
 */
export async function hostileFixtures(app: App) {
  const { browsers, ready, qrUrls, sids } = await applicants(app)
  const cookies = new Map(Object.entries(browsers).map(([label, browser]) => [label, browser.headers.cookie.replace(/^kakunin_applicant=/, '')]))

  const staffKeys = new Map<StaffRole, string>()
  for (const role of STAFF_ROLES) staffKeys.set(role, (await createStaffKey(app.prisma, { name: `hostile ${role.toLowerCase()}`, role, person: TEST_PERSON })).key)
  // Keys the requests may revoke; the ones above must keep working.
  const spareKeyIds: string[] = []
  for (const role of STAFF_ROLES) spareKeyIds.push((await createStaffKey(app.prisma, { name: `spare ${role.toLowerCase()}`, role, person: TEST_PERSON })).record.id)

  for (const label of ['filled', 'linkDraft', 'filled']) {
    const sent = await browsers[label]!.send('POST', `/api/applications/${browsers[label]!.id}/draft-link`, {})
    if (sent.statusCode !== 202) throw new Error(`draft-link failed: ${sent.body}`)
  }
  const inquiry = await app.inject({
    method: 'POST',
    url: '/api/inquiries',
    headers: browsers.filled!.headers,
    payload: { kind: 'KYC', name: '山田太郎', email: 'taro@example.com', content: '確認状況を教えてください', attachApplication: true },
  })
  if (inquiry.statusCode !== 201) throw new Error(`the inquiry was refused: ${inquiry.body}`)

  const mails = await app.prisma.outboxEmail.findMany({ select: { id: true, text: true } })
  // Mail the outbox gave up on, for the admin's re-drive.
  await app.prisma.outboxEmail.updateMany({ where: { id: { in: mails.slice(0, 2).map((mail) => mail.id) } }, data: { status: 'FAILED' } })
  const webhookIds = (await app.prisma.outboxWebhook.findMany({ select: { id: true } })).map((row) => row.id)
  await app.prisma.outboxWebhook.updateMany({ where: { id: { in: webhookIds.slice(0, 2) } }, data: { status: 'FAILED' } })
  const resumeTokens = mails.map((mail) => tokenIn(mail.text, /\/resume\/([A-Za-z0-9_-]{20,})/)).filter((token) => token !== undefined)
  const ownerTokens = mails.map((mail) => tokenIn(mail.text, /\/link-confirm\/([A-Za-z0-9_-]{43})/)).filter((token) => token !== undefined)
  const qrTokens = qrUrls.map((url) => new URL(url).pathname.split('/').pop()!)
  const applicationIds = Object.values(browsers).map((browser) => browser.id)
  const inquiryIds = (await app.prisma.inquiry.findMany({ select: { id: true } })).map((row) => row.id)
  const documentIds = [
    ...(await app.prisma.reviewDocument.findMany({ select: { id: true } })).map((row) => row.id),
    ...(await app.prisma.agentEvidenceDocument.findMany({ select: { id: true } })).map((row) => row.id),
  ]
  const sessionIds = (await app.prisma.verification.findMany({ select: { providerReference: true } })).map((row) => row.providerReference)
  if (resumeTokens.length === 0 || ownerTokens.length === 0 || documentIds.length === 0 || webhookIds.length === 0) throw new Error('a fixture is missing its token or document')

  const pathValues: Record<string, readonly string[]> = {
    '/api/applications/:id': applicationIds,
    '/api/staff/applications/:id': applicationIds,
    '/api/staff/applications/:documentId': documentIds,
    '/api/staff/inquiries/:id': inquiryIds,
    '/api/staff/keys/:id': spareKeyIds,
    '/api/staff/account-sids/:accountSid': sids,
    '/api/dev/mailbox/:id': mails.map((mail) => mail.id),
    '/api/resume/:token': resumeTokens,
    '/api/owner-confirmations/{token}/decline:token': ownerTokens.filter((_, i) => i % 2 === 1),
    '/api/owner-confirmations/:token': ownerTokens.filter((_, i) => i % 2 === 0),
    '/api/staff/outbox/emails/:id': mails.map((mail) => mail.id),
    '/api/staff/outbox/webhooks/:id': webhookIds,
    '/api/sandbox-ekyc/sessions/{token}/complete:token': ready,
    '/api/sandbox-ekyc/sessions/:token': qrTokens,
    '/api/webhooks/ekyc/:provider': ['sandbox', 'trustdock'],
  }
  const webhookSchema = (schema: z.core.$ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema
  const targets: Targets = {
    applicants: Object.entries(browsers).map(([label, browser]) => ({ label, id: browser.id })),
    actingApplicants: (operation: Operation) => {
      const rule = ACTING.find(([pattern]) => pattern.test(operation.path))
      return rule ? rule[1] : []
    },
    pathValues: (operation: Operation, parameter: string) => {
      // The first entry whose path starts the operation's and whose name is the parameter's.
      const prefix = Object.keys(pathValues).find((key) => {
        const [path, name] = key.split(':')
        return name === parameter && operation.path.startsWith(path!)
      })
      return prefix ? pathValues[prefix]! : []
    },
    hints: {
      accountSid: sids,
      verifiedAccountSid: sids,
      email: ['taro@example.com', 'second@example.com'],
      name: ['山田', '太郎'],
      reference: ['KYC-'],
      createdFrom: ['2026-01-01'],
      createdTo: ['2027-12-31'],
      submittedFrom: ['2026-01-01'],
      submittedTo: ['2027-12-31'],
      decidedFrom: ['2026-01-01'],
      decidedTo: ['2026-12-31'],
      to: ['taro@example.com'],
    },
    examples: bodyExamples(),
    webhooks: {
      sandbox: { schema: webhookSchema(sandboxWebhookPayload), hints: { 'session.id': sessionIds }, examples: sandboxWebhooks(sessionIds) },
      trustdock: {
        schema: webhookSchema(trustdockWebhook),
        hints: { id: ['vrf_unknown'] },
        examples: [{ id: 'vrf_unknown', public_id: 'pub_1', state: 'verified', updated_at: '2026-12-01T12:00:00+09:00', identification_method: 'ic_chip', denial_reasons: [{ code: 'name_mismatch', message: '氏名' }] }],
      },
    },
    webhookPath: '/api/webhooks/ekyc/{provider}',
  }
  return {
    targets,
    cookie: (label: string) => cookies.get(label)!,
    /** A resume link or confirmation opened a new session for an application: its browser now holds that one. */
    replaceCookie: (applicationId: string, value: string) => {
      const label = Object.entries(browsers).find(([, browser]) => browser.id === applicationId)?.[0]
      if (label) cookies.set(label, value)
    },
    staffKey: (role: StaffRole) => staffKeys.get(role)!,
  }
}
