import { describe, expect, it } from 'vitest'
import { RESUME_POINTS, STEP_IDS, STEP_TITLES, STEPS_BY_FLOW } from './steps.ts'

describe('steps', () => {
  it('follows the order of the form', () => {
    expect(STEP_IDS).toEqual(['type', 'login', 'user', 'purpose', 'extra', 'agent'])
  })

  it('titles every step in Japanese', () => {
    expect(Object.keys(STEP_TITLES)).toEqual([...STEP_IDS])
    expect(STEP_TITLES).toEqual({
      type: 'お申し込み内容の入力',
      login: 'Twilioログイン情報',
      user: '利用者情報',
      purpose: '内容・目的',
      extra: '補足情報',
      agent: '代理人情報',
    })
  })

  it('takes a first-time applicant through every step', () => {
    expect(STEPS_BY_FLOW.FIRST_TIME).toEqual(STEP_IDS)
  })

  it('stops the already-verified flow after the Twilio login', () => {
    expect(STEPS_BY_FLOW.LINK_VERIFIED).toEqual(['type', 'login'])
  })

  it('can resume at any step or at the confirmation screen', () => {
    expect(RESUME_POINTS).toEqual([...STEP_IDS, 'confirm'])
  })
})
