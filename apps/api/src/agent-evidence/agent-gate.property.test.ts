import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { StepValues } from '@kakunin/schema/form/application-form'
import { documentDetails } from '@kakunin/test-data/documents'
import { validAgentPerson } from '@kakunin/test-data/answers'
import type { App } from '#src/app.ts'
import { applicantBrowser } from '#src/test/applicant-browser.ts'
import { sandboxPhone } from '#src/test/sandbox-phone.ts'
import { staffClient } from '#src/test/staff-client.ts'
import { buildTestApp } from '#src/test/test-app.ts'
import { validAnswers } from '#src/test/valid-answers.ts'

// The rule, for every order of what can happen to an application with a 代理人: it is APPROVED
// exactly when the customer's and the agent's verifications are approved and the ground is
// decided (for a relative at the same address, by the system), whoever acts last and however
// often staff try to approve in between.

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

type Step = 'customer' | 'agent' | 'ground' | 'approve'
const livingApart = { ...validAnswers.user.address, town: '道玄坂1-2-3' }

const scenario = fc
  .record({
    relationship: fc.constantFrom('FRIEND' as const, 'FAMILY' as const),
    order: fc.shuffledSubarray(['customer', 'agent', 'ground'] as Step[], { minLength: 3, maxLength: 3 }),
    approvals: fc.array(fc.nat({ max: 3 }), { maxLength: 3 }),
  })
  .map(({ relationship, order, approvals }) => {
    const steps = relationship === 'FAMILY' ? order.filter((step) => step !== 'ground') : [...order]
    for (const at of approvals) steps.splice(Math.min(at, steps.length), 0, 'approve')
    return { relationship, steps }
  })

it('approves exactly when both people are verified and the ground is decided, in any order', async () => {
  const reviewer = await staffClient(app, 'REVIEWER')
  await fc.assert(
    fc.asyncProperty(scenario, async ({ relationship, steps }) => {
      const address = relationship === 'FAMILY' ? validAnswers.user.address : livingApart
      const answers = { ...validAnswers, agent: { hasAgent: 'YES', agent: { ...validAgentPerson, address, relationship, relationshipOther: '' } } } as StepValues
      const browser = await applicantBrowser(app)
      await browser.submitComplete(answers)
      const done = new Set<Step>(relationship === 'FAMILY' ? ['ground'] : [])
      const status = async () => (await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })).status
      const complete = () => (['customer', 'agent', 'ground'] as Step[]).every((s) => done.has(s))
      for (const step of steps) {
        const wasApproved = (await status()) === 'APPROVED'
        if (step === 'customer' || step === 'agent') {
          const opened = await browser.send('POST', `/api/applications/${browser.id}/verifications${step === 'agent' ? '/agent' : ''}`)
          expect(opened.statusCode).toBe(201)
          const person = step === 'agent' ? { ...validAgentPerson, address } : answers.user
          expect((await sandboxPhone(app, opened.json().url).verify(documentDetails(person as StepValues['user']))).statusCode).toBe(204)
        } else if (step === 'ground') {
          const decided = await reviewer.post(`/applications/${browser.id}/agent-ground`, { ground: 'PHONE_CONFIRMATION', phoneNumber: '0312345678', numberSource: 'Twilioアカウントの登録電話番号', calledAt: new Date().toISOString() })
          expect(decided.statusCode).toBe(204)
        } else {
          const { version } = await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })
          const approved = await reviewer.post(`/applications/${browser.id}/decision`, { decision: 'APPROVE', version })
          // Refused (409) while anything is missing, and once it is approved already.
          expect(approved.statusCode).toBe(complete() && !wasApproved ? 200 : 409)
        }
        if (step !== 'approve') done.add(step)
        // A verdict that completes it approves at once; a ground decided last waits for a reviewer.
        expect((await status()) === 'APPROVED').toBe(complete() && (wasApproved || step !== 'ground'))
      }
      if (await status() !== 'APPROVED') {
        const { version } = await app.prisma.application.findUniqueOrThrow({ where: { id: browser.id } })
        expect((await reviewer.post(`/applications/${browser.id}/decision`, { decision: 'APPROVE', version })).statusCode).toBe(200)
      }
      expect(await status()).toBe('APPROVED')
    }),
    { numRuns: 15, seed: 20261201 },
  )
}, 120_000)
