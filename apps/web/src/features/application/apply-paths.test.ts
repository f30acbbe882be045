import { describe, expect, it } from 'vitest'
import type { ApplicantApplication, ApplicationStatus } from '@kakunin/schema/application'
import type { ApplicationFlow } from '@kakunin/schema/application-flow'
import { changePath, pathOf, resumePath } from './apply-paths.ts'

type Case = [status: ApplicationStatus, flow: ApplicationFlow, expected: string]

describe('resumePath', () => {
  // Every status in every flow: where `/` and a screen's gate send an application that is not theirs.
  it.each<Case>([
    ['SUBMITTED', 'FIRST_TIME', '/apply/verify'],
    ['VERIFYING', 'FIRST_TIME', '/apply/verify'],
    ['IN_REVIEW', 'FIRST_TIME', '/apply/complete'],
    ['ENHANCED_REVIEW', 'FIRST_TIME', '/apply/complete'],
    ['APPROVED', 'FIRST_TIME', '/apply/complete'],
    ['DENIED', 'FIRST_TIME', '/apply/confirm'],
    // 2回目以降 has no 身元確認: once sent it waits for the owner's confirmation at お申し込み完了.
    ['SUBMITTED', 'LINK_VERIFIED', '/apply/complete'],
    ['VERIFYING', 'LINK_VERIFIED', '/apply/complete'],
    ['IN_REVIEW', 'LINK_VERIFIED', '/apply/complete'],
    ['ENHANCED_REVIEW', 'LINK_VERIFIED', '/apply/complete'],
    ['APPROVED', 'LINK_VERIFIED', '/apply/complete'],
    ['DENIED', 'LINK_VERIFIED', '/apply/confirm'],
  ])('%s in the %s flow → %s', (status, flow, expected) => {
    expect(resumePath({ status, flow, resumeAt: null })).toBe(expected)
  })

  it.each<[ApplicationFlow, ApplicantApplication['resumeAt'], string]>([
    ['FIRST_TIME', 'purpose', '/apply/purpose'],
    ['FIRST_TIME', 'confirm', '/apply/confirm'],
    ['LINK_VERIFIED', 'login', '/apply/login'],
    ['LINK_VERIFIED', 'confirm', '/apply/confirm'],
  ])('a DRAFT in the %s flow resumes at its saved point %s → %s', (flow, resumeAt, expected) => {
    expect(resumePath({ status: 'DRAFT', flow, resumeAt })).toBe(expected)
  })

  it.each<ApplicationFlow>(['FIRST_TIME', 'LINK_VERIFIED'])('a fresh DRAFT in the %s flow starts at its first step', (flow) => {
    expect(resumePath({ status: 'DRAFT', flow, resumeAt: null })).toBe('/apply/type')
  })

  it('only a draft uses its resume point', () => {
    expect(resumePath({ status: 'DENIED', flow: 'FIRST_TIME', resumeAt: 'user' })).toBe('/apply/confirm')
    expect(resumePath({ status: 'SUBMITTED', flow: 'FIRST_TIME', resumeAt: 'confirm' })).toBe('/apply/verify')
  })
})

describe('paths', () => {
  it('names a step, the confirmation screen, and a step opened from it', () => {
    expect(pathOf('extra')).toBe('/apply/extra')
    expect(pathOf('confirm')).toBe('/apply/confirm')
    expect(changePath('user')).toBe('/apply/user?from=confirm')
  })
})
