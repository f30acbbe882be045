import QRCode from 'qrcode'
import type { VerificationView } from '@kakunin/schema/verification'
import { answersOf } from '#src/state/approval-evidence.ts'
import { VERIFIABLE_STATUSES } from '@kakunin/schema/status-machine'
import { recordEvent } from '#src/state/event-log.ts'
import type { AppDeps } from '#src/deps.ts'
import type { Verification } from '#src/generated/prisma/client.ts'
import { conflict, notFound } from '#src/http/api-error.ts'
import type { Mismatch } from './provider.ts'


export async function toVerificationView(verification: Verification, now: Date): Promise<VerificationView> {
  const expired = (verification.status === 'PENDING' || verification.status === 'STARTED') && verification.expiresAt <= now
  const result = verification.result as { mismatches?: Mismatch[] } | null
  return {
    id: verification.id,
    subject: verification.subject,
    status: expired ? 'EXPIRED' : verification.status,
    url: verification.url,
    qrCode: await QRCode.toDataURL(verification.url, { errorCorrectionLevel: 'M', margin: 2, width: 240 }),
    expiresAt: verification.expiresAt.toISOString(),
    mismatches: (result?.mismatches ?? []).map(({ field, hint }) => ({ field, hint })),
  }
}

/**
 * 利用者身元確認プランの確認を行う: opens a session with the provider for a submitted application
 * and records it. A new session (after one expired) never replaces the old ones in the record.
 */
export async function startVerification(deps: Pick<AppDeps, 'prisma' | 'providers' | 'clock' | 'settings'>, applicationId: string, options: { publicBaseUrl: string }) {
  const { prisma } = deps
  const provider = deps.providers.active
  const now = deps.clock()
  const application = await prisma.application.findUnique({ where: { id: applicationId } })
  if (!application) throw notFound('お申し込みが見つかりません')
  if (application.flow !== 'FIRST_TIME') throw conflict('取引時確認済みのAccount SIDとの紐付けでは、本人確認は行いません。')
  if (!VERIFIABLE_STATUSES.includes(application.status)) throw conflict('このお申し込みは本人確認を行える状態ではありません。')
  const latest = await prisma.verification.findFirst({ where: { applicationId }, orderBy: { createdAt: 'desc' } })
  if (latest?.status === 'SUBMITTED') throw conflict('本人確認の内容を確認中です。結果をお待ちください。')

  const user = answersOf(application).user
  if (!user) throw conflict('利用者情報が入力されていません。')
  const expiresAt = new Date(now.getTime() + deps.settings.verificationSessionMinutes * 60_000)
  const session = await provider.createSession({
    comparing: { reference: application.reference, ...user },
    publicBaseUrl: options.publicBaseUrl,
    expiresAt,
    now,
  })
  const verification = await prisma.$transaction(async (tx) => {
    const created = await tx.verification.create({
      data: { applicationId, provider: provider.name, providerReference: session.providerReference, url: session.url, expiresAt, createdAt: now },
    })
    await recordEvent(
      tx,
      applicationId,
      {
        type: 'VERIFICATION_REQUESTED',
        actorType: 'APPLICANT',
        actorId: null,
        data: { verificationId: created.id, provider: provider.name, providerReference: session.providerReference, expiresAt },
      },
      now,
    )
    return created
  })
  return toVerificationView(verification, now)
}

/**
 * The verification of the current submission: after a correction and resubmission, the earlier
 * (denied) sessions belong to the history, not to what the applicant is doing now.
 */
export async function currentVerification(deps: Pick<AppDeps, 'prisma' | 'clock'>, applicationId: string) {
  const { prisma } = deps
  const now = deps.clock()
  const application = await prisma.application.findUnique({ where: { id: applicationId }, select: { status: true, submittedAt: true } })
  if (!application) throw notFound('お申し込みが見つかりません')
  const latest = await prisma.verification.findFirst({
    where: { applicationId, ...(application.submittedAt ? { createdAt: { gte: application.submittedAt } } : {}) },
    orderBy: { createdAt: 'desc' },
  })
  return { applicationStatus: application.status, verification: latest ? await toVerificationView(latest, now) : null, agent: null }
}

