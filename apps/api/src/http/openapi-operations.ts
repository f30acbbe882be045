import { STEP_IDS, type StepId } from '@kakunin/schema/form/steps'

/**
 * Who may call an operation, as the route really checks it:
 * - `public`: nothing (or a secret in the path: resume links, QR codes, owners' confirmations);
 * - `applicant`: this browser's session cookie, scoped to the application in the path;
 * - `applicant-optional`: the session is read when present (the entry page, logout, an inquiry);
 * - `staff`: a staff API key as a bearer token;
 * - `provider`: an eKYC provider's signed webhook, under the provider's own header.
 */
export type Access = 'public' | 'applicant' | 'applicant-optional' | 'staff' | 'provider'

export interface OperationDoc {
  operationId: string
  summary: string
  tag: string
  access: Access
  /** Media types of a binary 200 (documents served back to staff). */
  binary?: readonly string[]
  /** The success answer opens the applicant's session (Set-Cookie) or ends it. */
  session?: 'opens' | 'ends'
}

export const TAGS = [
  { name: 'applications', description: '申込者: お申し込みの作成、各ステップの保存、送信' },
  { name: 'verification', description: '申込者: 本人確認（eKYC）のセッション、追加書類、代理人の書類' },
  { name: 'resume', description: '申込者: 続きから入力するためのリンクとセッション' },
  { name: 'owner-confirmation', description: '取引時確認済みアカウントの所有者による紐付けの確認' },
  { name: 'inquiries', description: 'お問い合わせ' },
  { name: 'system', description: '稼働状態（liveness / readiness）、メトリクスと公開設定' },
  { name: 'webhooks', description: 'eKYC事業者からの署名付きWebhook' },
  { name: 'sandbox-ekyc', description: 'サンドボックスのeKYC（開発・テスト用のスマートフォン画面）' },
  { name: 'dev', description: '開発用メールボックス（開発・テストのみ）' },
  { name: 'staff', description: '職員: お申し込みの検索・閲覧・判定、確認記録、APIキー、お問い合わせ、送信待ち' },
] as const

const STEP_NAMES: Record<StepId, [id: string, label: string]> = {
  type: ['Type', 'お申し込み内容の入力'],
  login: ['Login', 'Twilioログイン情報'],
  user: ['User', '利用者情報'],
  purpose: ['Purpose', '内容・目的'],
  extra: ['Extra', '補足情報'],
  agent: ['Agent', '代理人情報'],
}

const steps = Object.fromEntries(
  STEP_IDS.flatMap((step) => {
    const [id, label] = STEP_NAMES[step]
    return [
      [`PUT /api/applications/{id}/steps/${step}`, { operationId: `save${id}Step`, summary: `${label}を保存する`, tag: 'applications', access: 'applicant' }],
      [`PUT /api/applications/{id}/steps/${step}/draft`, { operationId: `save${id}StepDraft`, summary: `${label}を下書き保存する`, tag: 'applications', access: 'applicant' }],
    ] as const
  }),
) satisfies Record<string, OperationDoc>

const DOCUMENT_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'image/webp', 'application/pdf']

/**
 * Every operation by `METHOD /path/{param}`: its id, summary, tag and access. A route not listed
 * here may declare `operationId`, `summary`, `tags` and `security` in its own schema instead; the
 * contract test refuses an operation that has neither.
 */
export const OPERATIONS: Readonly<Record<string, OperationDoc>> = {
  'GET /api/health': { operationId: 'getHealth', summary: '稼働状態（データベースへの往復を含む。/api/health/ready を推奨）', tag: 'system', access: 'public' },
  'GET /api/health/live': { operationId: 'getLiveness', summary: 'Liveness: プロセスが応答する（データベースに問い合わせない）', tag: 'system', access: 'public' },
  'GET /api/health/ready': { operationId: 'getReadiness', summary: 'Readiness: データベースが応答し、このリリースのマイグレーションがすべて適用済み', tag: 'system', access: 'public' },
  'GET /api/config': { operationId: 'getPublicConfig', summary: '画面が使う公開設定（事業者情報など）', tag: 'system', access: 'public' },
  'POST /api/applications': { operationId: 'createApplication', summary: 'お申し込みを作成し、申込者のセッションを開始する', tag: 'applications', access: 'public', session: 'opens' },
  'GET /api/applications/current': { operationId: 'getCurrentApplication', summary: 'このブラウザのお申し込み（なければ204）', tag: 'applications', access: 'applicant-optional' },
  'GET /api/applications/{id}': { operationId: 'getApplication', summary: 'お申し込みを読む', tag: 'applications', access: 'applicant' },
  ...steps,
  'POST /api/applications/{id}/submit': { operationId: 'submitApplication', summary: 'お申し込みを送信する（初回）', tag: 'applications', access: 'applicant' },
  'POST /api/applications/{id}/submit-link': { operationId: 'submitLinkApplication', summary: '取引時確認済みのAccount SIDへの紐付けを送信する（2回目以降）', tag: 'applications', access: 'applicant' },
  'POST /api/applications/{id}/draft-link': { operationId: 'sendDraftLink', summary: '続きから入力するためのリンクをメールで送る', tag: 'resume', access: 'applicant' },
  'POST /api/owner-confirmations/{token}/confirm': { operationId: 'confirmOwnerConfirmation', summary: '紐付けを承認する（所有者: 私の申し込みです）', tag: 'owner-confirmation', access: 'public' },
  'POST /api/owner-confirmations/{token}/decline': { operationId: 'declineOwnerConfirmation', summary: '紐付けを拒否する（所有者: 私の申し込みではありません）', tag: 'owner-confirmation', access: 'public' },
  'POST /api/applications/{id}/review-documents/{kind}': { operationId: 'uploadReviewDocument', summary: '追加確認の書類を提出する', tag: 'verification', access: 'applicant' },
  'POST /api/applications/{id}/agent-evidence/{kind}': { operationId: 'uploadAgentEvidence', summary: '代理人としての権限を示す書類を提出する', tag: 'verification', access: 'applicant' },
  'POST /api/applications/{id}/verifications': { operationId: 'startVerification', summary: '利用者ご本人の本人確認を始める（QRコード）', tag: 'verification', access: 'applicant' },
  'POST /api/applications/{id}/verifications/agent': { operationId: 'startAgentVerification', summary: '代理人の本人確認を始める（QRコード）', tag: 'verification', access: 'applicant' },
  'GET /api/applications/{id}/verifications/current': { operationId: 'getCurrentVerification', summary: '本人確認の進み具合', tag: 'verification', access: 'applicant' },
  'POST /api/webhooks/ekyc/{provider}': { operationId: 'receiveEkycWebhook', summary: 'eKYC事業者の結果を受け取る（署名付き）', tag: 'webhooks', access: 'provider' },
  'GET /api/resume/{token}': { operationId: 'previewResumeLink', summary: '続きから入力するリンクの確認（使わずに読む）', tag: 'resume', access: 'public' },
  'POST /api/resume/{token}': { operationId: 'redeemResumeLink', summary: '続きから入力するリンクを使い、セッションを開始する', tag: 'resume', access: 'public', session: 'opens' },
  'POST /api/resume/{token}/renew': { operationId: 'renewResumeLink', summary: '新しいリンクを送る', tag: 'resume', access: 'public' },
  'POST /api/session/logout': { operationId: 'logout', summary: 'このブラウザのセッションを終える（途中保存して終了）', tag: 'resume', access: 'applicant-optional', session: 'ends' },
  'GET /api/dev/mailbox': { operationId: 'listDevMailbox', summary: '開発用メールボックスの一覧', tag: 'dev', access: 'public' },
  'GET /api/dev/mailbox/{id}': { operationId: 'getDevMail', summary: '開発用メールボックスのメール', tag: 'dev', access: 'public' },
  'POST /api/inquiries': { operationId: 'createInquiry', summary: 'お問い合わせを送る', tag: 'inquiries', access: 'applicant-optional' },
  'GET /api/sandbox-ekyc/sessions/{token}': { operationId: 'getSandboxSession', summary: 'サンドボックスeKYC: セッションを読む', tag: 'sandbox-ekyc', access: 'public' },
  'POST /api/sandbox-ekyc/sessions/{token}/start': { operationId: 'startSandboxSession', summary: 'サンドボックスeKYC: 方法と書類を選ぶ', tag: 'sandbox-ekyc', access: 'public' },
  'POST /api/sandbox-ekyc/sessions/{token}/uploads/{kind}': { operationId: 'uploadSandboxImage', summary: 'サンドボックスeKYC: 写真を送る', tag: 'sandbox-ekyc', access: 'public' },
  'POST /api/sandbox-ekyc/sessions/{token}/complete': { operationId: 'completeSandboxSession', summary: 'サンドボックスeKYC: 書類の記載事項を送り、終える', tag: 'sandbox-ekyc', access: 'public' },

  'GET /api/staff/applications': { operationId: 'searchApplications', summary: 'お申し込みを検索する', tag: 'staff', access: 'staff' },
  'GET /api/staff/applications/{id}': { operationId: 'getStaffApplication', summary: 'お申し込みのすべて（閲覧を記録）', tag: 'staff', access: 'staff' },
  'POST /api/staff/applications/{id}/decision': { operationId: 'decideApplication', summary: '承認または否認する', tag: 'staff', access: 'staff' },
  'POST /api/staff/applications/{id}/external-verifications': { operationId: 'recordExternalVerification', summary: 'kakunin の外で行った本人確認を記録する', tag: 'staff', access: 'staff' },
  'POST /api/staff/applications/{id}/suspicion': { operationId: 'flagSuspicion', summary: 'なりすまし・偽りの疑いを記録する', tag: 'staff', access: 'staff' },
  'GET /api/staff/applications/{id}/review-documents/{documentId}': { operationId: 'getReviewDocument', summary: '追加確認の書類（閲覧を記録）', tag: 'staff', access: 'staff', binary: DOCUMENT_TYPES },
  'POST /api/staff/applications/{id}/agent-ground': { operationId: 'decideAgentGround', summary: '代理人が取引の任に当たっていると認めた理由を記録する', tag: 'staff', access: 'staff' },
  'GET /api/staff/applications/{id}/agent-evidence/{documentId}': { operationId: 'getAgentEvidence', summary: '代理人の書類（閲覧を記録）', tag: 'staff', access: 'staff', binary: DOCUMENT_TYPES },
  'GET /api/staff/applications/{id}/record': { operationId: 'exportVerificationRecord', summary: '確認記録（JSON または CSV）', tag: 'staff', access: 'staff' },
  'POST /api/staff/applications/{id}/record/notes': { operationId: 'addRecordNote', summary: '確認記録に付記する', tag: 'staff', access: 'staff' },
  'GET /api/staff/records': { operationId: 'exportVerificationRecords', summary: '期間の確認記録（JSON Lines または CSV）', tag: 'staff', access: 'staff' },
  'GET /api/staff/account-sids/{accountSid}': { operationId: 'getAccountSidVerification', summary: 'Account SID が取引時確認済みか', tag: 'staff', access: 'staff' },
  'GET /api/staff/inquiries': { operationId: 'listInquiries', summary: 'お問い合わせの一覧', tag: 'staff', access: 'staff' },
  'GET /api/staff/inquiries/{id}': { operationId: 'getInquiry', summary: 'お問い合わせを読む', tag: 'staff', access: 'staff' },
  'POST /api/staff/inquiries/{id}/answer': { operationId: 'answerInquiry', summary: 'お問い合わせを回答済みにする', tag: 'staff', access: 'staff' },
  'GET /api/staff/keys': { operationId: 'listStaffKeys', summary: 'APIキーの一覧', tag: 'staff', access: 'staff' },
  'POST /api/staff/keys': { operationId: 'createStaffKey', summary: 'APIキーを作る（一度だけ表示）', tag: 'staff', access: 'staff' },
  'POST /api/staff/keys/{id}/revoke': { operationId: 'revokeStaffKey', summary: 'APIキーを失効させる', tag: 'staff', access: 'staff' },
  'GET /api/staff/outbox': { operationId: 'listOutbox', summary: '送信待ち・送信失敗のメールとWebhook', tag: 'staff', access: 'staff' },
  'POST /api/staff/outbox/emails/{id}/redrive': { operationId: 'redriveEmail', summary: '送信に失敗したメールを再送する', tag: 'staff', access: 'staff' },
  'POST /api/staff/outbox/webhooks/{id}/redrive': { operationId: 'redriveWebhook', summary: '送信に失敗したWebhookを再送する', tag: 'staff', access: 'staff' },
}
