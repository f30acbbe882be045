import { describe, expect, it } from 'vitest'
import { AGENT_IS_USER_MESSAGE, MINOR_NEEDS_GUARDIAN_MESSAGE } from './agent-step.ts'
import { draftAnswers, firstTimeApplication, STEP_SCHEMAS } from './application-form.ts'
import { birthDateForAge as birthDateAged } from '@kakunin/test-data/birth-date'
import { noAgent, validApplication, validExtra, validLogin, validPurpose, validType, validUser, withAgent } from '@kakunin/test-data/answers'
import { issuesOf, without } from '@kakunin/test-data/schema-checks'
import { SAME_EMAIL_MESSAGE } from './login-step.ts'
import { STEP_IDS } from './steps.ts'
import { CORPORATE_MESSAGE } from './type-step.ts'

const minorUser = { ...validUser, birthDate: birthDateAged(10) }

describe('STEP_SCHEMAS', () => {
  it('has a schema for every step', () => {
    expect(Object.keys(STEP_SCHEMAS)).toEqual([...STEP_IDS])
  })

  it.each(STEP_IDS)('validates the %s step with its own schema', (step) => {
    expect(STEP_SCHEMAS[step].parse(validApplication[step])).toEqual(validApplication[step])
  })
})

describe('draftAnswers', () => {
  it('accepts a draft with no answers yet', () => {
    expect(draftAnswers.parse({})).toEqual({})
  })

  it.each(STEP_IDS)('accepts a draft with only the %s step', (step) => {
    expect(draftAnswers.parse({ [step]: validApplication[step] })).toEqual({ [step]: validApplication[step] })
  })

  it('accepts the first steps of the form, and every step', () => {
    const firstSteps = { type: validType, login: validLogin, user: validUser }
    expect(draftAnswers.parse(firstSteps)).toEqual(firstSteps)
    expect(draftAnswers.parse(validApplication)).toEqual(validApplication)
  })

  it('accepts a minor without a guardian yet: the rule spanning steps waits for the submission', () => {
    expect(draftAnswers.parse({ user: minorUser, agent: noAgent })).toEqual({ user: minorUser, agent: noAgent })
  })

  it('normalises each step', () => {
    expect(draftAnswers.parse({ purpose: { ...validPurpose, purposeOther: '使わない' } })).toEqual({ purpose: validPurpose })
  })

  it('rejects an invalid step, on the path inside that step', () => {
    expect(issuesOf(draftAnswers, { login: { ...validLogin, contactEmail: validLogin.loginEmail } })).toEqual([
      { path: ['login', 'contactEmail'], message: SAME_EMAIL_MESSAGE },
    ])
    expect(issuesOf(draftAnswers, { type: { applicantType: 'CORPORATE' } })).toEqual([
      { path: ['type', 'applicantType'], message: CORPORATE_MESSAGE },
    ])
    expect(issuesOf(draftAnswers, { type: validType, agent: { hasAgent: 'YES' } })).toEqual([
      { path: ['agent', 'agent'], message: '入力してください' },
    ])
  })

  it('rejects a step that is not a step', () => {
    expect(issuesOf(draftAnswers, { type: validType, confirm: true })).toEqual([
      { path: [], message: '入力できない項目が含まれています: confirm' },
    ])
  })
})

describe('firstTimeApplication', () => {
  it('accepts a complete application of an adult without an agent', () => {
    expect(firstTimeApplication.parse(validApplication)).toEqual(validApplication)
  })

  it('accepts an adult with an agent of any relationship', () => {
    const application = { ...validApplication, agent: withAgent({ relationship: 'FRIEND' }) }
    expect(firstTimeApplication.parse(application)).toEqual(application)
  })

  it.each([
    ['type', '入力してください'],
    ['login', '入力してください'],
    ['user', '入力してください'],
    ['purpose', '入力してください'],
    ['extra', '入力してください'],
    ['agent', '代理人がいるかどうかを選択してください'],
  ] as const)('reports a missing %s step on the step’s own path', (step, message) => {
    expect(issuesOf(firstTimeApplication, without(validApplication, step))).toEqual([{ path: [step], message }])
  })

  it('reports a problem inside a step on its full path', () => {
    expect(issuesOf(firstTimeApplication, { ...validApplication, extra: { ...validExtra, occupation: 'OTHER' } })).toEqual([
      { path: ['extra', 'occupationOther'], message: '職業を具体的に入力してください' },
    ])
    expect(issuesOf(firstTimeApplication, { ...validApplication, type: { applicantType: 'CORPORATE' } })).toEqual([
      { path: ['type', 'applicantType'], message: CORPORATE_MESSAGE },
    ])
  })

  it('refuses the user as their own 代理人 (same name and birth date, whatever the spacing or width)', () => {
    const agent = withAgent({ familyName: `${validUser.familyName} `, givenName: validUser.givenName, birthDate: validUser.birthDate })
    expect(issuesOf(firstTimeApplication, { ...validApplication, agent })).toEqual([{ path: ['agent', 'agent', 'familyName'], message: AGENT_IS_USER_MESSAGE }])
    // A relative with the same name but another birth date is someone else.
    expect(issuesOf(firstTimeApplication, { ...validApplication, agent: withAgent({ familyName: validUser.familyName, givenName: validUser.givenName }) })).toEqual([])
  })

  describe('an applicant under 18', () => {
    it('needs an agent, reported on agent.hasAgent', () => {
      expect(issuesOf(firstTimeApplication, { ...validApplication, user: minorUser, agent: noAgent })).toEqual([
        { path: ['agent', 'hasAgent'], message: MINOR_NEEDS_GUARDIAN_MESSAGE },
      ])
    })

    it.each(['TEAMMATE', 'FRIEND', 'FAMILY', 'OTHER'] as const)(
      'needs the agent to be the 法定代理人, not %s, reported on agent.agent.relationship',
      (relationship) => {
        const agent = withAgent({ relationship, relationshipOther: '叔父' })
        expect(issuesOf(firstTimeApplication, { ...validApplication, user: minorUser, agent })).toEqual([
          { path: ['agent', 'agent', 'relationship'], message: MINOR_NEEDS_GUARDIAN_MESSAGE },
        ])
      },
    )

    it('is accepted with a 法定代理人', () => {
      const application = { ...validApplication, user: minorUser, agent: withAgent({ relationship: 'LEGAL_GUARDIAN' }) }
      expect(firstTimeApplication.parse(application)).toEqual(application)
    })

    it('who is 17 needs one, and at 18 does not', () => {
      expect(issuesOf(firstTimeApplication, { ...validApplication, user: { ...validUser, birthDate: birthDateAged(17) } })).toEqual([
        { path: ['agent', 'hasAgent'], message: MINOR_NEEDS_GUARDIAN_MESSAGE },
      ])
      const adult = { ...validApplication, user: { ...validUser, birthDate: birthDateAged(18) } }
      expect(firstTimeApplication.parse(adult)).toEqual(adult)
    })
  })

  it('rejects keys it does not declare', () => {
    expect(issuesOf(firstTimeApplication, { ...validApplication, status: 'APPROVED' })).toEqual([
      { path: [], message: '入力できない項目が含まれています: status' },
    ])
  })
})
