import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AGENT_EVIDENCE_LABELS } from '@kakunin/schema/agent-ground'
import { anAgent, anAgentSession, anApplication, aVerification, currentVerification } from '@kakunin/test-data/applications'
import { validLogin, validType, validUser, withAgent } from '@kakunin/test-data/answers'
import type { AgentVerificationView } from '@kakunin/schema/verification'
import { currentApplication, currentVerificationOf } from '#src/testing/handlers.ts'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'

const ANSWERS = { type: validType, login: validLogin, user: validUser, agent: withAgent({ relationship: 'FRIEND' }) }
const IN_REVIEW = anApplication({ status: 'IN_REVIEW', resumeAt: 'confirm', submittedAt: '2026-12-01T01:10:00.000Z', answers: ANSWERS })
const GROUND = '代理人としてお手続きいただけることの確認'

async function openComplete(agent: Partial<AgentVerificationView>, customer = aVerification({ status: 'APPROVED' }), application = IN_REVIEW) {
  server.use(
    currentApplication(application),
    currentVerificationOf(currentVerification(application.status, customer, anAgent({ relationship: 'FRIEND', evidenceRequired: true, ...agent }))),
  )
  const app = renderApp('/apply/complete')
  await screen.findByRole('heading', { level: 1, name: 'お申し込み完了' })
  return app
}

describe('CompletePage with a 代理人', () => {
  it('opened before the agent’s phone is done (an emailed link), says so and leads back to 身元確認用フォーム', async () => {
    const { user, currentPath } = await openComplete({ verification: null })
    expect(await screen.findByText('代理人（山田 花子 様）の本人確認がまだ完了していません。')).toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: '身元確認用フォーム' }))

    await screen.findByRole('heading', { level: 2, name: '代理人（山田 花子 様）の本人確認' })
    expect(currentPath()).toBe('/apply/verify')
  })

  it('offers the 委任状 upload until the ground is decided', async () => {
    await openComplete({ verification: anAgentSession({ status: 'APPROVED' }) })
    const ground = await screen.findByRole('region', { name: GROUND })
    expect(within(ground).getByLabelText(new RegExp(`^${AGENT_EVIDENCE_LABELS.POWER_OF_ATTORNEY}`))).toBeInTheDocument()
    expect(screen.queryByText(/本人確認がまだ完了していません/)).not.toBeInTheDocument()
  })

  it('says nothing more once both phones are done and the ground is decided', async () => {
    await openComplete({ verification: anAgentSession({ status: 'APPROVED' }), groundDecided: true })
    expect(await screen.findByText(/ご提出いただいた本人確認書類とお申し込みの内容を確認しています/)).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: GROUND })).not.toBeInTheDocument()
    expect(screen.queryByText(/本人確認がまだ完了していません/)).not.toBeInTheDocument()
  })
})
