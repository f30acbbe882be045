import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ApplicantApplication } from '@kakunin/schema/application'
import { anApplication } from '@kakunin/test-data/applications'
import { validAddress, validLogin, validType, validUser } from '@kakunin/test-data/answers'
import { currentApplication } from '#src/testing/handlers.ts'
import { renderApp } from '#src/testing/render.tsx'
import { server } from '#src/testing/server.ts'

/** Denied for the 氏 and the address, as they were sent: 山田 and the valid address. */
const DENIAL = {
  fields: ['user.familyName', 'user.address'],
  hints: ['氏名の字体が本人確認書類と異なります', '住所が本人確認書類と異なります'],
  values: { 'user.familyName': validUser.familyName, 'user.address': validAddress },
}

function denied(user = validUser): ApplicantApplication {
  return anApplication({ status: 'DENIED', resumeAt: 'confirm', answers: { type: validType, login: validLogin, user }, denial: DENIAL })
}

async function openConfirm(application: ApplicantApplication) {
  server.use(currentApplication(application))
  const app = renderApp('/apply/confirm')
  await screen.findByRole('heading', { level: 1, name: '登録情報確認' })
  return app
}

function row(label: string): HTMLElement {
  const found = screen.getByText(label, { selector: 'dt' }).closest('div')
  if (!found) throw new Error(`no row ${label}`)
  return found
}

describe('ConfirmPage after a denial', () => {
  it('shows the 受付番号, and every flagged row as 要確認 while nothing is corrected', async () => {
    await openConfirm(denied())
    expect(screen.getByTestId('reference')).toHaveTextContent('KYC-20261201-0001')
    expect(within(row('利用者名')).getByText(/^要確認/)).toBeInTheDocument()
    expect(within(row('利用者 ご住所')).getByText(/^要確認/)).toBeInTheDocument()
    expect(within(row('利用者 生年月日')).queryByText(/^要確認|^修正済み/)).not.toBeInTheDocument()
    expect(screen.getByTestId('correction-progress')).toHaveTextContent('要確認の項目があと2件あります。')
  })

  it('marks a row changed since the denial 修正済み, and counts what remains', async () => {
    await openConfirm(denied({ ...validUser, familyName: '髙田' }))
    expect(within(row('利用者名')).getByText(/^修正済み/)).toBeInTheDocument()
    expect(within(row('利用者名')).queryByText(/^要確認/)).not.toBeInTheDocument()
    expect(within(row('利用者 ご住所')).getByText(/^要確認/)).toBeInTheDocument()
    expect(screen.getByTestId('correction-progress')).toHaveTextContent('要確認の項目があと1件あります。')
  })

  it('says when every flagged item has been corrected', async () => {
    await openConfirm(denied({ ...validUser, familyName: '髙田', address: { ...validAddress, town: '渋谷1-1-1' } }))
    expect(within(row('利用者 ご住所')).getByText(/^修正済み/)).toBeInTheDocument()
    expect(screen.getByTestId('correction-progress')).toHaveTextContent('要確認の項目はすべて修正済みです。')
    expect(screen.queryByText(/^本人確認書類の記載と一致しなかった項目があります/)).not.toBeInTheDocument()
  })

  it('has no count and no 修正済み before anything was denied', async () => {
    await openConfirm(anApplication({ status: 'DRAFT', resumeAt: 'confirm', answers: { type: validType, login: validLogin, user: validUser } }))
    expect(screen.queryByTestId('correction-progress')).not.toBeInTheDocument()
    expect(screen.queryByText(/^修正済み/)).not.toBeInTheDocument()
  })
})
