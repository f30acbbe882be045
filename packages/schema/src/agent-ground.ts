import type { Relationship } from './form/agent-step.ts'
import { optionalText, requiredText } from './text.ts'
import { z } from './zod.ts'

// 犯収法4条4項 and 施行規則12条5項1号: when a 代理人 (代表者等) acts for an individual customer,
// the business confirms why they may, by one of these grounds:
//   イ the agent is the customer's 同居の親族 or 法定代理人;
//   ロ the agent holds a 委任状 (or a like document) made by the customer;
//   ハ the business called the customer (or used a like method) and confirmed it.
// (ニ, "otherwise evident", is left to staff judgement outside this product: it is never assumed.)

export const AGENT_GROUNDS = ['LEGAL_REPRESENTATIVE', 'COHABITING_RELATIVE', 'POWER_OF_ATTORNEY', 'PHONE_CONFIRMATION'] as const
export type AgentGround = (typeof AGENT_GROUNDS)[number]

export const AGENT_GROUND_LABELS = {
  LEGAL_REPRESENTATIVE: '法定代理人であること（施行規則12条5項1号イ）',
  COHABITING_RELATIVE: '同居の親族であること（施行規則12条5項1号イ）',
  POWER_OF_ATTORNEY: '利用者が作成した委任状を有していること（施行規則12条5項1号ロ）',
  PHONE_CONFIRMATION: '利用者への電話により確認したこと（施行規則12条5項1号ハ）',
} as const satisfies Record<AgentGround, string>

/** What the applicant uploads as evidence of the ground. */
export const AGENT_EVIDENCE_KINDS = ['GUARDIANSHIP_PROOF', 'POWER_OF_ATTORNEY'] as const
export type AgentEvidenceKind = (typeof AGENT_EVIDENCE_KINDS)[number]

export const AGENT_EVIDENCE_LABELS = {
  GUARDIANSHIP_PROOF: '法定代理人であることがわかる書類（戸籍謄本、住民票の写し、後見登記の登記事項証明書など）',
  POWER_OF_ATTORNEY: '利用者が作成した委任状',
} as const satisfies Record<AgentEvidenceKind, string>

/** The grounds a relationship can rest on: a 法定代理人 by the document showing it, a relative by a shared address, anyone by a 委任状 or a call. */
export function groundsFor(relationship: Relationship): readonly AgentGround[] {
  if (relationship === 'LEGAL_GUARDIAN') return ['LEGAL_REPRESENTATIVE']
  if (relationship === 'FAMILY') return ['COHABITING_RELATIVE', 'POWER_OF_ATTORNEY', 'PHONE_CONFIRMATION']
  return ['POWER_OF_ATTORNEY', 'PHONE_CONFIRMATION']
}

/** The document the applicant can upload for a relationship. */
export const evidenceKindFor = (relationship: Relationship): AgentEvidenceKind => (relationship === 'LEGAL_GUARDIAN' ? 'GUARDIANSHIP_PROOF' : 'POWER_OF_ATTORNEY')

/** The ground each uploaded kind proves. */
export const GROUND_OF_EVIDENCE = { GUARDIANSHIP_PROOF: 'LEGAL_REPRESENTATIVE', POWER_OF_ATTORNEY: 'POWER_OF_ATTORNEY' } as const satisfies Record<AgentEvidenceKind, AgentGround>

/** A Japanese phone number as dialled: 10 or 11 digits from 0, or +81; hyphens, spaces and full-width digits allowed. */
export const phoneNumber = z.string().check(
  z.normalize('NFKC'),
  z.trim(),
  z.overwrite((value) => value.replace(/[\s\-‐－ー()（）]/g, '')),
  z.regex(/^(0\d{9,10}|\+81\d{9,10})$/, '電話番号は0から始まる10桁または11桁の数字で入力してください（例：03-1234-5678）'),
)

const note = z.optional(optionalText(1000))
const documentId = z.uuid('書類を選択してください')

/**
 * A staff decision of the ground (reviewer role, by a named person). A document ground names the
 * uploaded document that was read; a call says which number was called and when.
 */
export const agentGroundDecision = z.discriminatedUnion(
  'ground',
  [
    z.strictObject({ ground: z.literal('LEGAL_REPRESENTATIVE'), documentId, note }),
    z.strictObject({ ground: z.literal('POWER_OF_ATTORNEY'), documentId, note }),
    z.strictObject({ ground: z.literal('COHABITING_RELATIVE'), note }),
    z.strictObject({
      ground: z.literal('PHONE_CONFIRMATION'),
      phoneNumber,
      /** How the number is known to be the customer's own (not the agent's): e.g. the Twilio account's registered number. */
      numberSource: requiredText(200, 'その電話番号が利用者ご本人のものであることの根拠（例：Twilioアカウントの登録電話番号）を入力してください'),
      calledAt: z.iso.datetime({ offset: true, error: '電話をかけた日時を入力してください（例：2026-12-01T10:00:00+09:00）' }),
      note,
    }),
  ],
  '確認の方法（ground）を選択してください',
)
export type AgentGroundDecision = z.infer<typeof agentGroundDecision>
