import { globalRegistry, type $ZodType } from 'zod/v4/core'
import { postalCode, address } from '@kakunin/schema/address'
import { accountSid } from '@kakunin/schema/account-sid'
import { agentGroundDecision } from '@kakunin/schema/agent-ground'
import { applicantApplication, applicationSummary } from '@kakunin/schema/application'
import { createApplicationBody } from '@kakunin/schema/application-flow'
import { mailView } from '@kakunin/schema/dev-mailbox'
import { errorResponse } from '@kakunin/schema/errors'
import { applicationEvent } from '@kakunin/schema/events'
import { agentStep } from '@kakunin/schema/form/agent-step'
import { draftAnswers } from '@kakunin/schema/form/application-form'
import { extraStep } from '@kakunin/schema/form/extra-step'
import { loginStep } from '@kakunin/schema/form/login-step'
import { purposeStep } from '@kakunin/schema/form/purpose-step'
import { stepDrafts } from '@kakunin/schema/form/step-drafts'
import { typeStep } from '@kakunin/schema/form/type-step'
import { userStep } from '@kakunin/schema/form/user-step'
import { healthResponse } from '@kakunin/schema/health'
import { inquiryBody, inquiryReceipt } from '@kakunin/schema/inquiry'
import { publicConfigResponse } from '@kakunin/schema/public-config'
import { resumeLinkPreview, resumeLinkRedeemed } from '@kakunin/schema/resume-link'
import { sandboxDetailsBody, sandboxSessionView, sandboxStartBody } from '@kakunin/schema/sandbox-ekyc'
import {
  accountSidVerification,
  createdStaffKey,
  createStaffKeyBody,
  externalVerificationBody,
  staffApplicationDetail,
  staffApplicationList,
  staffApplicationListItem,
  staffDecisionBody,
  staffKeyView,
  staffOutboxItem,
  staffOutboxList,
  staffPerson,
} from '@kakunin/schema/staff'
import { agentVerificationView, currentVerificationResponse, verificationView } from '@kakunin/schema/verification'
import {
  frozenRecordLine,
  japanTime,
  legacyVerificationRecord,
  recordNote,
  recordPerson,
  verificationRecord,
  verificationRecordExport,
} from '@kakunin/schema/verification-record'
import { declareWireForm } from './openapi-schema-forms.ts'

/**
 * The named shapes of the OpenAPI document (`components/schemas`, referenced by `$ref`). A name
 * is the response side; fastify-type-provider-zod names the request side `<name>Input`, since our
 * schemas accept more than they return (full-width digits, kana as typed). Registered here, in
 * the API, so the SPA's bundle carries no documentation metadata.
 */
const COMPONENTS: readonly (readonly [$ZodType, string])[] = [
  [errorResponse, 'ErrorResponse'],
  [applicationSummary, 'ApplicationSummary'],
  [applicantApplication, 'Application'],
  [createApplicationBody, 'CreateApplication'],
  [draftAnswers, 'Answers'],
  [stepDrafts, 'StepDrafts'],
  [typeStep, 'TypeStep'],
  [loginStep, 'LoginStep'],
  [userStep, 'PersonalDetails'],
  [address, 'Address'],
  [purposeStep, 'PurposeStep'],
  [extraStep, 'ExtraStep'],
  [agentStep, 'AgentStep'],
  [verificationView, 'Verification'],
  [agentVerificationView, 'AgentVerification'],
  [currentVerificationResponse, 'CurrentVerification'],
  [sandboxSessionView, 'SandboxSession'],
  [sandboxStartBody, 'SandboxStart'],
  [sandboxDetailsBody, 'SandboxDetails'],
  [resumeLinkPreview, 'ResumeLinkPreview'],
  [resumeLinkRedeemed, 'ResumeLinkRedeemed'],
  [inquiryBody, 'Inquiry'],
  [inquiryReceipt, 'InquiryReceipt'],
  [mailView, 'Mail'],
  [healthResponse, 'Health'],
  [publicConfigResponse, 'PublicConfig'],
  [applicationEvent, 'ApplicationEvent'],
  [staffApplicationListItem, 'StaffApplicationListItem'],
  [staffApplicationList, 'StaffApplicationList'],
  [staffApplicationDetail, 'StaffApplicationDetail'],
  [staffDecisionBody, 'StaffDecision'],
  [agentGroundDecision, 'AgentGroundDecision'],
  [externalVerificationBody, 'ExternalVerification'],
  [accountSidVerification, 'AccountSidVerification'],
  [staffPerson, 'StaffPerson'],
  [staffKeyView, 'StaffKey'],
  [createStaffKeyBody, 'CreateStaffKey'],
  [createdStaffKey, 'CreatedStaffKey'],
  [staffOutboxItem, 'OutboxItem'],
  [staffOutboxList, 'OutboxList'],
  [japanTime, 'JapanTime'],
  [recordPerson, 'RecordPerson'],
  [recordNote, 'RecordNote'],
  [verificationRecord, 'VerificationRecord'],
  [legacyVerificationRecord, 'LegacyVerificationRecord'],
  [verificationRecordExport, 'VerificationRecordExport'],
  [frozenRecordLine, 'FrozenRecordLine'],
]

let registered = false

/** Names the shapes in zod's global registry (where fastify-type-provider-zod looks) once per module graph. */
export function registerOpenApiComponents() {
  if (registered) return
  registered = true
  for (const [schema, id] of COMPONENTS) globalRegistry.add(schema, { ...globalRegistry.get(schema), id })

  // The postal code is folded to seven digits to be checked, then stored and returned with its hyphen.
  declareWireForm(postalCode, {
    input: { description: '郵便番号: ハイフンの有無、全角数字、先頭の〒を問わない（例：150-0002、1500002）', examples: ['150-0002', '1500002'] },
    output: { pattern: '^\\d{3}-\\d{4}$', description: '郵便番号（123-4567）', examples: ['150-0002'] },
  })
  declareWireForm(accountSid, {
    input: { description: 'Account SID: 前後の空白、全角、大文字小文字を問わない', examples: ['AC0123456789abcdef0123456789abcdef'] },
  })
}
