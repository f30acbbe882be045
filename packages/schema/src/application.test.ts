import { describe, expect, it } from 'vitest'
import {
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUSES,
  applicantApplication,
  applicationSummary,
  referencePattern,
  saveStepBody,
  submitBody,
} from './application.ts'
import { APPLICATION_FLOW_LABELS, APPLICATION_FLOWS, createApplicationBody } from './application-flow.ts'
import { validApplication, validLogin, validPurpose, validType } from '@kakunin/test-data/answers'
import { issuesOf } from '@kakunin/test-data/schema-checks'
import { SAME_EMAIL_MESSAGE } from './form/login-step.ts'
import { purposeStep } from './form/purpose-step.ts'
import { RESUME_POINTS } from './form/steps.ts'

describe('createApplicationBody', () => {
  it.each(['FIRST_TIME', 'LINK_VERIFIED'])('accepts the flow %s', (flow) => {
    expect(createApplicationBody.parse({ flow })).toEqual({ flow })
  })

  it('asks, in Japanese, whether the applicant has a verified Account SID when the flow is missing', () => {
    const result = createApplicationBody.safeParse({})
    expect(result.success).toBe(false)
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['flow'], message: '取引時確認済みのAccount SIDをお持ちかどうか選択してください' }),
    ])
  })

  it('rejects an unknown flow and a wrongly typed one', () => {
    expect(createApplicationBody.safeParse({ flow: 'CORPORATE' }).success).toBe(false)
    expect(createApplicationBody.safeParse({ flow: 1 }).success).toBe(false)
  })

  it('rejects fields it does not declare', () => {
    const result = createApplicationBody.safeParse({ flow: 'FIRST_TIME', status: 'APPROVED' })
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['status'] })
  })
})

describe('reference numbers', () => {
  it.each(['KYC-20261128-0001', 'KYC-20261231-12345'])('match %s', (reference) => {
    expect(referencePattern.test(reference)).toBe(true)
  })

  it.each(['KYC-2026112-0001', 'kyc-20261128-0001', 'KYC-20261128-001', 'KYC-20261128-0001x'])(
    'do not match %s',
    (reference) => {
      expect(referencePattern.test(reference)).toBe(false)
    },
  )
})

describe('applicationSummary', () => {
  it('strips fields the response does not declare', () => {
    const parsed = applicationSummary.parse({
      id: '3f0b2c2e-8d0c-4a43-9a3e-2d3a3b0c9f10',
      reference: 'KYC-20261128-0001',
      flow: 'FIRST_TIME',
      status: 'DRAFT',
      version: 1,
      createdAt: '2026-11-28T03:00:00.000Z',
      updatedAt: '2026-11-28T03:00:00.000Z',
      internalNote: 'never sent',
    })
    expect(parsed).not.toHaveProperty('internalNote')
  })
})

const summary = {
  id: '3f0b2c2e-8d0c-4a43-9a3e-2d3a3b0c9f10',
  reference: 'KYC-20261128-0001',
  flow: 'FIRST_TIME',
  status: 'DRAFT',
  version: 1,
  createdAt: '2026-11-28T03:00:00.000Z',
  updatedAt: '2026-11-28T03:00:00.000Z',
} as const

describe('version', () => {
  // Every body carries the version the client read; only positive integers are versions.
  it.each([0, -1])('rejects %d', (version) => {
    expect(issuesOf(submitBody, { version })).toEqual([{ path: ['version'], message: '0より大きい値を入力してください' }])
  })

  it.each([
    [1.5, '整数で入力してください'],
    ['1', '数値で入力してください'],
    [undefined, '入力してください'],
    [null, '入力してください'],
  ])('rejects %j with a Japanese message', (version, message) => {
    expect(issuesOf(submitBody, { version })).toEqual([{ path: ['version'], message }])
  })
})

describe('saveStepBody', () => {
  const body = saveStepBody(purposeStep)

  it('accepts the version and the values, parsed by the step schema', () => {
    expect(body.parse({ version: 3, values: { ...validPurpose, purposeOther: '使わない' } })).toEqual({
      version: 3,
      values: validPurpose,
    })
  })

  it.each(RESUME_POINTS)('accepts %s as the point to resume at', (resumeAt) => {
    expect(body.parse({ version: 1, values: validPurpose, resumeAt })).toEqual({ version: 1, values: validPurpose, resumeAt })
  })

  it('rejects an unknown point to resume at', () => {
    expect(issuesOf(body, { version: 1, values: validPurpose, resumeAt: 'done' })).toEqual([
      { path: ['resumeAt'], message: '選択肢の中から選択してください' },
    ])
  })

  it('reports problems in the values on their path under values', () => {
    expect(issuesOf(saveStepBody(purposeStep), { version: 1, values: { ...validPurpose, purposes: [] } })).toEqual([
      { path: ['values', 'purposes'], message: '取引を行う目的を1つ以上選択してください' },
    ])
    expect(issuesOf(body, { version: 1 })).toEqual([{ path: ['values'], message: '入力してください' }])
  })

  it('requires a positive integer version', () => {
    expect(issuesOf(body, { values: validPurpose })).toEqual([{ path: ['version'], message: '入力してください' }])
    expect(body.safeParse({ version: 0, values: validPurpose }).success).toBe(false)
  })

  it('rejects keys it does not declare', () => {
    expect(issuesOf(body, { version: 1, values: validPurpose, status: 'SUBMITTED' })).toEqual([
      { path: [], message: '入力できない項目が含まれています: status' },
    ])
  })
})

describe('submitBody', () => {
  it('accepts only the version', () => {
    expect(submitBody.parse({ version: 7 })).toEqual({ version: 7 })
  })

  it('rejects the answers sent along, which the server already holds', () => {
    expect(issuesOf(submitBody, { version: 7, answers: validApplication })).toEqual([
      { path: [], message: '入力できない項目が含まれています: answers' },
    ])
  })
})

describe('applicantApplication', () => {
  const fresh = { ...summary, answers: {}, resumeAt: null, submittedAt: null, denial: null, ownerConfirmation: null, enhancedReview: null }

  it('accepts a fresh draft', () => {
    expect(applicantApplication.parse(fresh)).toEqual(fresh)
  })

  it('accepts a submitted application with every answer', () => {
    const submitted = {
      ...fresh,
      status: 'SUBMITTED',
      version: 9,
      answers: validApplication,
      resumeAt: 'confirm',
      submittedAt: '2026-11-29T01:02:03.000Z',
    }
    expect(applicantApplication.parse(submitted)).toEqual(submitted)
  })

  it('accepts a draft with some of the steps', () => {
    const partial = { ...fresh, answers: { type: validType, login: validLogin }, resumeAt: 'user' }
    expect(applicantApplication.parse(partial)).toEqual(partial)
  })

  it('rejects an invalid answer and an unknown step in the answers', () => {
    expect(issuesOf(applicantApplication, { ...fresh, answers: { login: { ...validLogin, contactEmail: validLogin.loginEmail } } })).toEqual([
      { path: ['answers', 'login', 'contactEmail'], message: SAME_EMAIL_MESSAGE },
    ])
    expect(issuesOf(applicantApplication, { ...fresh, answers: { confirm: {} } })).toEqual([
      { path: ['answers'], message: '入力できない項目が含まれています: confirm' },
    ])
  })

  it('requires resumeAt and submittedAt to be present, even as null', () => {
    const { resumeAt: _resumeAt, ...withoutResumeAt } = fresh
    expect(applicantApplication.safeParse(withoutResumeAt).error?.issues.map((issue) => issue.path)).toEqual([['resumeAt']])
    const { submittedAt: _submittedAt, ...withoutSubmittedAt } = fresh
    expect(applicantApplication.safeParse(withoutSubmittedAt).error?.issues.map((issue) => issue.path)).toEqual([['submittedAt']])
  })

  it('rejects a submission time that is not an ISO date-time', () => {
    expect(applicantApplication.safeParse({ ...fresh, submittedAt: '2026/11/29 10:00' }).error?.issues.map((issue) => issue.path)).toEqual([
      ['submittedAt'],
    ])
  })

  it('rejects a version that is not a positive integer', () => {
    expect(applicantApplication.safeParse({ ...fresh, version: 0 }).success).toBe(false)
  })

  it('strips fields the response does not declare', () => {
    expect(applicantApplication.parse({ ...fresh, reviewerNote: 'internal' })).not.toHaveProperty('reviewerNote')
  })
})

describe('labels', () => {
  it('labels every flow and status in Japanese', () => {
    expect(Object.keys(APPLICATION_FLOW_LABELS)).toEqual([...APPLICATION_FLOWS])
    expect(Object.keys(APPLICATION_STATUS_LABELS)).toEqual([...APPLICATION_STATUSES])
    expect(APPLICATION_STATUS_LABELS.DRAFT).toBe('下書き')
  })
})
