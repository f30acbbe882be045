import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ADULT_AGE,
  agentPerson,
  agentStep,
  MINOR_NEEDS_GUARDIAN_MESSAGE,
  minorGuardianIssue,
  RELATIONSHIP_LABELS,
  RELATIONSHIPS,
} from './agent-step.ts'
import { birthDateForAge as birthDateAged } from '@kakunin/test-data/birth-date'
import { noAgent, validAddress, validAgentPerson, withAgent } from '@kakunin/test-data/answers'
import { issuesOf, without } from '@kakunin/test-data/schema-checks'

const AGENT_TOO_YOUNG = '代理人は18歳以上の方に限ります'

describe('agentStep', () => {
  it('accepts "no agent" with nothing else', () => {
    expect(agentStep.parse(noAgent)).toEqual({ hasAgent: 'NO' })
  })

  it('rejects agent fields sent with "no agent", so half an agent is never stored', () => {
    expect(issuesOf(agentStep, { hasAgent: 'NO', agent: validAgentPerson })).toEqual([
      { path: [], message: '入力できない項目が含まれています: agent' },
    ])
    expect(agentStep.safeParse({ hasAgent: 'NO', agent: {} }).error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['agent'] }),
    ])
  })

  it.each([
    ['a missing answer', {}],
    ['an unknown answer', { hasAgent: 'MAYBE' }],
    ['a boolean', { hasAgent: true }],
  ])('asks whether there is an agent for %s', (_, input) => {
    expect(issuesOf(agentStep, input)).toEqual([{ path: ['hasAgent'], message: '代理人がいるかどうかを選択してください' }])
  })

  it('accepts an agent and normalises the fields', () => {
    expect(
      agentStep.parse(withAgent({ givenName: ' 花子\u3000', givenNameKana: 'ﾊﾅｺ', birthDate: { year: '1965', month: '07', day: '20' } })),
    ).toEqual({ hasAgent: 'YES', agent: validAgentPerson })
  })

  it('requires the agent when there is one', () => {
    expect(issuesOf(agentStep, { hasAgent: 'YES' })).toEqual([{ path: ['agent'], message: '入力してください' }])
  })

  it.each([
    ['familyName', '入力してください'],
    ['givenName', '入力してください'],
    ['familyNameKana', '入力してください'],
    ['givenNameKana', '入力してください'],
    ['birthDate', '入力してください'],
    ['address', '入力してください'],
    ['relationship', '代表者との関係を選択してください'],
    ['relationshipOther', '入力してください'],
  ] as const)('requires the agent’s %s', (field, message) => {
    expect(issuesOf(agentStep, { hasAgent: 'YES', agent: without(validAgentPerson, field) })).toEqual([
      { path: ['agent', field], message },
    ])
  })

  it.each([
    ['familyName', '姓を入力してください'],
    ['givenName', '名を入力してください'],
    ['familyNameKana', 'セイ（フリガナ）を入力してください'],
  ] as const)('asks for an empty %s of the agent first', (field, message) => {
    expect(issuesOf(agentStep, withAgent({ [field]: '' }))[0]).toEqual({ path: ['agent', field], message })
  })

  it('reports nested problems of the agent on their full path', () => {
    expect(issuesOf(agentStep, withAgent({ address: { ...validAddress, postalCode: '12345' } }))).toEqual([
      { path: ['agent', 'address', 'postalCode'], message: '郵便番号は7桁の数字で入力してください（例：150-0002）' },
    ])
    expect(issuesOf(agentStep, withAgent({ birthDate: { year: '1965', month: '2', day: '30' } }))).toEqual([
      { path: ['agent', 'birthDate'], message: '実在する日付を入力してください' },
    ])
  })

  describe('relationship', () => {
    it.each(RELATIONSHIPS.filter((relationship) => relationship !== 'OTHER'))('accepts %s', (relationship) => {
      expect(agentStep.parse(withAgent({ relationship }))).toEqual({ hasAgent: 'YES', agent: { ...validAgentPerson, relationship } })
    })

    it('asks for the relationship to be spelled out for その他', () => {
      expect(issuesOf(agentStep, withAgent({ relationship: 'OTHER', relationshipOther: ' ' }))).toEqual([
        { path: ['agent', 'relationshipOther'], message: '代表者との関係を具体的に入力してください' },
      ])
    })

    it('keeps the text for その他', () => {
      expect(agentStep.parse(withAgent({ relationship: 'OTHER', relationshipOther: '会社の同僚' }))).toEqual({
        hasAgent: 'YES',
        agent: { ...validAgentPerson, relationship: 'OTHER', relationshipOther: '会社の同僚' },
      })
    })

    it('drops the text when その他 is not chosen', () => {
      expect(agentStep.parse(withAgent({ relationship: 'FRIEND', relationshipOther: '会社の同僚' }))).toEqual({
        hasAgent: 'YES',
        agent: { ...validAgentPerson, relationship: 'FRIEND', relationshipOther: '' },
      })
    })

    it.each(['PARENT', '', 'family'])('asks to choose a known relationship instead of %j', (relationship) => {
      expect(issuesOf(agentStep, { hasAgent: 'YES', agent: { ...validAgentPerson, relationship } })).toEqual([
        { path: ['agent', 'relationship'], message: '代表者との関係を選択してください' },
      ])
    })

    it('labels every relationship in Japanese', () => {
      expect(Object.keys(RELATIONSHIP_LABELS)).toEqual([...RELATIONSHIPS])
      expect(RELATIONSHIP_LABELS.LEGAL_GUARDIAN).toBe('法定代理人（親権者・後見人）')
    })
  })

  describe('the agent’s age', () => {
    it('is 18 for adults', () => {
      expect(ADULT_AGE).toBe(18)
    })

    it('accepts an agent of 18 and rejects one of 17', () => {
      expect(agentStep.parse(withAgent({ birthDate: birthDateAged(18) })).hasAgent).toBe('YES')
      expect(issuesOf(agentStep, withAgent({ birthDate: birthDateAged(17) }))).toEqual([
        { path: ['agent', 'birthDate'], message: AGENT_TOO_YOUNG },
      ])
    })

    describe('on a fixed day', () => {
      beforeEach(() => {
        vi.useFakeTimers({ toFake: ['Date'] })
        vi.setSystemTime(new Date('2026-06-15T03:00:00Z')) // noon, 15 June 2026 in Tokyo
      })
      afterEach(() => {
        vi.useRealTimers()
      })

      it('accepts an agent turning 18 today', () => {
        expect(agentStep.parse(withAgent({ birthDate: { year: '2008', month: '6', day: '15' } })).hasAgent).toBe('YES')
      })

      it('rejects an agent turning 18 tomorrow', () => {
        expect(issuesOf(agentStep, withAgent({ birthDate: { year: '2008', month: '6', day: '16' } }))).toEqual([
          { path: ['agent', 'birthDate'], message: AGENT_TOO_YOUNG },
        ])
      })
    })

    it('reports a young agent with その他 missing as two problems', () => {
      expect(
        issuesOf(agentStep, withAgent({ birthDate: birthDateAged(10), relationship: 'OTHER', relationshipOther: '' })),
      ).toEqual([
        { path: ['agent', 'relationshipOther'], message: '代表者との関係を具体的に入力してください' },
        { path: ['agent', 'birthDate'], message: AGENT_TOO_YOUNG },
      ])
    })
  })

  it('rejects keys it does not declare, at the level they appear', () => {
    expect(issuesOf(agentStep, { ...withAgent(), note: 'x' })).toEqual([
      { path: [], message: '入力できない項目が含まれています: note' },
    ])
    expect(issuesOf(agentStep, { hasAgent: 'YES', agent: { ...validAgentPerson, phone: '090' } })).toEqual([
      { path: ['agent'], message: '入力できない項目が含まれています: phone' },
    ])
  })

  it('validates an agent on its own with agentPerson', () => {
    expect(agentPerson.parse(validAgentPerson)).toEqual(validAgentPerson)
  })
})

describe('minorGuardianIssue', () => {
  const adult = birthDateAged(30)
  const minor = birthDateAged(10)
  const agentAs = (relationship: (typeof RELATIONSHIPS)[number]) => agentStep.parse(withAgent({ relationship, relationshipOther: 'x' }))

  it('explains the rule in Japanese', () => {
    expect(MINOR_NEEDS_GUARDIAN_MESSAGE).toBe(
      '利用者が18歳未満の場合は、法定代理人（親権者・後見人）を代理人として入力してください',
    )
  })

  it('has nothing to say before the user’s birth date is known', () => {
    expect(minorGuardianIssue(undefined, undefined)).toBeNull()
    expect(minorGuardianIssue(undefined, agentStep.parse(noAgent))).toBeNull()
  })

  it('lets an adult apply without an agent, or with any agent', () => {
    expect(minorGuardianIssue(adult, agentStep.parse(noAgent))).toBeNull()
    expect(minorGuardianIssue(adult, undefined)).toBeNull()
    for (const relationship of RELATIONSHIPS) expect(minorGuardianIssue(adult, agentAs(relationship))).toBeNull()
  })

  it('asks a minor without an agent for one, on hasAgent', () => {
    const issue = { path: ['hasAgent'], message: MINOR_NEEDS_GUARDIAN_MESSAGE }
    expect(minorGuardianIssue(minor, agentStep.parse(noAgent))).toEqual(issue)
    expect(minorGuardianIssue(minor, undefined)).toEqual(issue)
  })

  it.each(RELATIONSHIPS.filter((relationship) => relationship !== 'LEGAL_GUARDIAN'))(
    'asks a minor whose agent is %s for a 法定代理人, on the relationship',
    (relationship) => {
      expect(minorGuardianIssue(minor, agentAs(relationship))).toEqual({
        path: ['agent', 'relationship'],
        message: MINOR_NEEDS_GUARDIAN_MESSAGE,
      })
    },
  )

  it('accepts a minor with a 法定代理人', () => {
    expect(minorGuardianIssue(minor, agentAs('LEGAL_GUARDIAN'))).toBeNull()
  })

  it('treats 17 as a minor and 18 as an adult', () => {
    const none = agentStep.parse(noAgent)
    expect(minorGuardianIssue(birthDateAged(17), none)).not.toBeNull()
    expect(minorGuardianIssue(birthDateAged(18), none)).toBeNull()
  })

  describe('on a fixed day', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(new Date('2026-06-15T03:00:00Z'))
    })
    afterEach(() => {
      vi.useRealTimers()
    })

    it('counts a user turning 18 today as an adult, and one turning 18 tomorrow as a minor', () => {
      const none = agentStep.parse(noAgent)
      expect(minorGuardianIssue({ year: '2008', month: '6', day: '15' }, none)).toBeNull()
      expect(minorGuardianIssue({ year: '2008', month: '6', day: '16' }, none)?.path).toEqual(['hasAgent'])
    })
  })
})
