import { formatAddress } from '@kakunin/schema/address'
import type { Prisma } from '#src/db/prisma-plugin.ts'
import type { TransactionClient } from '#src/generated/prisma/internal/prismaNamespace.ts'
import { receivedAt } from '#src/state/approval-evidence.ts'
import { formatBirthDate } from '@kakunin/schema/birth-date'
import { RELATIONSHIP_LABELS } from '@kakunin/schema/form/agent-step'
import { OCCUPATION_LABELS, PEP_STATUS_LABELS, TRADE_NAME_KIND_LABELS } from '@kakunin/schema/form/extra-step'
import { PURPOSE_LABELS } from '@kakunin/schema/form/purpose-step'
import { fullName, fullNameKana } from '@kakunin/schema/form/person'
import { HIGH_RISK_GROUND_LABELS, REVIEW_DOCUMENT_LABELS, type HighRiskGround } from '@kakunin/schema/high-risk'
import { isVerificationMethod, VERIFICATION_METHOD_LABELS } from '@kakunin/schema/verification-method'
import type { ApplicationRecord } from './read-application.ts'

/** For a link (2回目以降): what it relies on, read by linkRecordOf. */
export interface LinkBasis {
  reliedOnReference: string
  rootReference: string
  rootMethod: string | null
  rootReceivedAt: string | null
  rootProvider: string
  confirmationSentTo: string
  confirmedAt: string | null
}

const SANDBOX_NOTE = '開発用のサンドボックス（模擬eKYC）による確認です。犯罪収益移転防止法に基づく本人確認ではありません。'
const methodLabel = (method: string | null) => (method && isVerificationMethod(method) ? VERIFICATION_METHOD_LABELS[method] : null)

/**
 * The 確認記録 of one application, with the items of 犯収法施行規則 20条 that apply to a
 * non-face-to-face verification of an individual, in the order the article lists them.
 */
export function verificationRecord(record: ApplicationRecord, link: LinkBasis | null = null) {
  const { answers } = record
  // The verification of record when approved; otherwise the latest decided one.
  const decided = [...record.verifications].reverse().find((v) => v.status === 'APPROVED') ?? [...record.verifications].reverse().find((v) => v.decidedAt)
  const decision = [...record.events].reverse().find((e) => e.type === 'DECIDED')
  const enhanced = record.events.find((e) => e.type === 'DECIDED' && e.toStatus === 'ENHANCED_REVIEW')
  const grounds = ((enhanced?.data as { highRiskGrounds?: HighRiskGround[] } | undefined)?.highRiskGrounds ?? []).map((g) => HIGH_RISK_GROUND_LABELS[g])
  // A staff decision names the person who made it (施行規則20条1項1号: 確認を行った者).
  const decidingStaff = decision?.actorType === 'STAFF' ? ((decision.data as { person?: { name: string; department: string } }).person ?? null) : null
  const external = (decided?.result as { external?: Record<string, string> } | null)?.external ?? null
  const agent = answers.agent?.hasAgent === 'YES' ? answers.agent.agent : null
  return {
    reference: record.reference,
    status: record.status,
    /** 1号・2号: who verified, and who made the record. */
    verifiedBy: decision ? { actorType: decision.actorType, actorId: decision.actorId, person: decidingStaff, at: decision.createdAt } : null,
    recordCreatedBy: 'kakunin（自動作成）',
    /** 3号・11号: when the ID was received and the transaction date (the application's submission). */
    documentReceivedAt: decided?.submittedAt ?? null,
    transactionDate: record.submittedAt,
    /** 4号: the kind of transaction. */
    transactionKind: '電気通信役務（Twilio）の利用契約',
    /** 5号・6号: the method and the document. */
    verificationMethod: decided?.method ?? null,
    verificationMethodLabel: methodLabel(decided?.method ?? null),
    documentType: decided?.documentType ?? null,
    verificationProvider: decided ? { provider: decided.provider, reference: decided.providerReference } : null,
    verificationResult: decided?.result ?? null,
    /** Whether the verification is one under 犯収法: never for the built-in sandbox. */
    lawfulVerification: decided ? decided.provider !== 'sandbox' : null,
    verificationNote: decided?.provider === 'sandbox' ? SANDBOX_NOTE : null,
    /** A verification done outside kakunin, recorded by staff (document, number, date, who). */
    externalVerification: external,
    /** 犯収法4条3項: the record relied on, its root verification, and the owner's confirmation. */
    linkBasis: link
      ? {
          reliedOnReference: link.reliedOnReference,
          rootReference: link.rootReference,
          rootVerificationMethod: methodLabel(link.rootMethod) ?? link.rootMethod,
          rootVerificationReceivedAt: link.rootReceivedAt,
          rootVerificationNote: link.rootProvider === 'sandbox' ? SANDBOX_NOTE : null,
          ownerConfirmationSentTo: link.confirmationSentTo,
          ownerConfirmedAt: link.confirmedAt,
        }
      : null,
    /** 犯収法4条2項: why the customer is high-risk, and the measures taken. */
    highRisk:
      grounds.length > 0
        ? {
            grounds,
            documents: record.reviewDocuments.map((d) => ({ kind: REVIEW_DOCUMENT_LABELS[d.kind], type: d.type, sha256: d.sha256, at: d.createdAt })),
            approvedBy:
              decision?.toStatus === 'APPROVED' && decision.actorType === 'STAFF'
                ? decidingStaff
                  ? `${decidingStaff.name}（${decidingStaff.department}）`
                  : ((decision.data as { keyName?: string }).keyName ?? decision.actorId)
                : null,
            reason: decision?.toStatus === 'APPROVED' ? ((decision.data as { reason?: string | null }).reason ?? null) : null,
          }
        : null,
    /** 7号: 本人特定事項. */
    customer: answers.user
      ? {
          name: fullName(answers.user),
          nameKana: fullNameKana(answers.user),
          birthDate: formatBirthDate(answers.user.birthDate),
          address: formatAddress(answers.user.address),
        }
      : null,
    /** 12号: a name other than one's own, and why. */
    alias: answers.extra?.tradeName
      ? {
          name: answers.extra.tradeName,
          kind: answers.extra.tradeNameKind ? TRADE_NAME_KIND_LABELS[answers.extra.tradeNameKind] : null,
          reason: answers.extra.aliasReason || null,
        }
      : null,
    /** 8号: the agent (代理人) and the relation to the customer. */
    agent: agent
      ? {
          name: fullName(agent),
          nameKana: fullNameKana(agent),
          birthDate: formatBirthDate(agent.birthDate),
          address: formatAddress(agent.address),
          relationship: agent.relationship === 'OTHER' ? agent.relationshipOther : RELATIONSHIP_LABELS[agent.relationship],
        }
      : null,
    /** 取引を行う目的・職業・外国PEPs (令12条3項). */
    purposes: answers.purpose?.purposes.map((p) => (p === 'OTHER' ? `その他（${answers.purpose?.purposeOther}）` : PURPOSE_LABELS[p])) ?? [],
    highValueTransactions: answers.purpose?.highValueTransactions ?? null,
    occupation: answers.extra ? (answers.extra.occupation === 'OTHER' ? answers.extra.occupationOther : OCCUPATION_LABELS[answers.extra.occupation]) : null,
    foreignPep: answers.extra ? PEP_STATUS_LABELS[answers.extra.foreignPep] : null,
    accountSid: answers.login?.accountSid ?? null,
    /** The history of changes, append-only. */
    history: record.events.map((e) => ({ at: e.createdAt, type: e.type, actor: `${e.actorType}${e.actorId ? `:${e.actorId}` : ''}`, from: e.fromStatus, to: e.toStatus })),
    emails: record.emails.map((e) => ({ at: e.createdAt, template: e.template, to: e.to, status: e.status, sentAt: e.sentAt })),
  }
}

export const csvCell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return `"${safe.replace(/"/g, '""')}"`
}

/** The same record as CSV: one item per row (項目, 内容), UTF-8 with BOM for Excel. */
export function verificationRecordCsv(record: object): string {
  const rows: [string, unknown][] = []
  const walk = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(prefix ? `${prefix}.${key}` : key, inner)
    } else if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object')) {
      value.forEach((item, index) => walk(`${prefix}[${index}]`, item))
    } else {
      rows.push([prefix, Array.isArray(value) ? value.join('、') : value])
    }
  }
  walk('', record)
  return `\ufeff${[['項目', '内容'], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}

/** The 確認記録 of a loaded application as it stands, with the link basis when it is a 2回目以降 one. */
export async function recordOf(prisma: Prisma | TransactionClient, loaded: ApplicationRecord) {
  return verificationRecord(loaded, loaded.flow === 'LINK_VERIFIED' ? await linkRecordOf(prisma, loaded.id) : null)
}

/** The link basis of an approved (or pending) 2回目以降 application: its latest owner confirmation and root. */
export async function linkRecordOf(prisma: Prisma | TransactionClient, applicationId: string): Promise<LinkBasis | null> {
  const confirmation = await prisma.ownerConfirmation.findFirst({ where: { applicationId }, orderBy: { createdAt: 'desc' }, include: { reliedOn: { select: { reference: true } } } })
  if (!confirmation) return null
  const root = await prisma.application.findUnique({ where: { id: confirmation.rootApplicationId }, select: { reference: true } })
  const verification = await prisma.verification.findUnique({ where: { id: confirmation.rootVerificationId } })
  return {
    reliedOnReference: confirmation.reliedOn.reference,
    rootReference: root?.reference ?? '',
    rootMethod: verification?.method ?? null,
    rootReceivedAt: verification ? receivedAt(verification).toISOString() : null,
    rootProvider: verification?.provider ?? '',
    confirmationSentTo: confirmation.sentTo,
    confirmedAt: confirmation.decision === 'CONFIRMED' ? (confirmation.decidedAt?.toISOString() ?? null) : null,
  }
}
