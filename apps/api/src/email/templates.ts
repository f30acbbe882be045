import { fullName, type Person } from '@kakunin/schema/form/person'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'
import { signatureLines, type EmailSignature } from './signature.ts'

// The emails, in Japanese, as text and HTML. Each opens with the 宛名, names the reference number,
// says what happens next, and is signed by the operator configured in the environment, with where to ask.

export interface RenderedEmail {
  template:
    | 'DRAFT_SAVED'
    | 'SUBMISSION_RECEIVED'
    | 'APPROVED'
    | 'DENIED'
    | 'ENHANCED_REVIEW'
    | 'OWNER_CONFIRMATION'
    | 'LINK_REQUESTED'
    | 'INQUIRY_RECEIVED'
  subject: string
  text: string
  html: string
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character)

/**
 * 宛名: the name the customer typed in 利用者情報, or お客様 while it is not known (a draft saved
 * before that step; 2回目以降, which never asks it and whose applicant is not yet confirmed).
 */
export const addresseeOf = (user: Pick<Person, 'familyName' | 'givenName'> | undefined) => (user ? `${fullName(user)} 様` : 'お客様')

interface Addressed {
  /** From addresseeOf. */
  addressee: string
  signature: EmailSignature
}

/** Paragraphs (blank-line separated); a line that is a URL becomes a link in the HTML part. */
function compose(template: RenderedEmail['template'], subject: string, body: string, { addressee, signature }: Addressed): RenderedEmail {
  const text = `${addressee}\n\n${body}\n\n${signatureLines(signature).join('\n')}`
  const html = text
    .split('\n\n')
    .map((paragraph) =>
      `<p>${paragraph
        .split('\n')
        .map((line) => (/^https?:\/\/\S+$/.test(line) ? `<a href="${escapeHtml(line)}">${escapeHtml(line)}</a>` : escapeHtml(line)))
        .join('<br>')}</p>`,
    )
    .join('\n')
  return {
    template,
    subject,
    text,
    html: `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${html}</body></html>`,
  }
}

export function draftSavedEmail(input: { reference: string; link: string; expiresAt: Date } & Addressed) {
  return compose(
    'DRAFT_SAVED',
    `【取引時確認】入力途中のお申し込みを保存しました（受付番号 ${input.reference}）`,
    `取引時確認情報の入力途中のお申し込みを保存しました。\n\n受付番号：${input.reference}\n\n次のリンクから、続きを入力できます（${formatJapanDateTime(input.expiresAt)}まで有効、1回のみ使用できます）。\n${input.link}\n\nリンクの有効期限が切れた場合は、リンクを開いた画面から新しいリンクをお送りできます。`,
    input,
  )
}

/** 申込受付: the phone verification is next, with a link back to it from any device. */
export function submissionReceivedEmail(input: { reference: string; link: string; expiresAt: Date } & Addressed) {
  return compose(
    'SUBMISSION_RECEIVED',
    `【取引時確認】お申し込みを受け付けました（受付番号 ${input.reference}）`,
    `取引時確認情報のお申し込みを受け付けました。\n\n受付番号：${input.reference}\n\n引き続き、スマートフォンで本人確認（本人確認書類と顔写真の撮影）を行ってください。お申し込みの画面を閉じた場合は、次のリンクから身元確認用フォームに戻れます（${formatJapanDateTime(input.expiresAt)}まで有効、1回のみ使用できます）。\n${input.link}\n\n本人確認が完了すると審査を行い、結果をメールでお知らせします。`,
    input,
  )
}

export function approvedEmail(input: { reference: string; accountSid: string } & Addressed) {
  return compose(
    'APPROVED',
    `【取引時確認】審査結果のお知らせ：承認（受付番号 ${input.reference}）`,
    `取引時確認の審査が完了し、承認されました。\n\n受付番号：${input.reference}\n取引時確認済みとなったAccount SID：${input.accountSid}\n\nご協力いただき、ありがとうございました。引き続き Twilio をご利用ください。`,
    input,
  )
}

export function linkedApprovedEmail(input: { reference: string; accountSid: string; verifiedAccountSid: string } & Addressed) {
  return compose(
    'APPROVED',
    `【取引時確認】取引時確認済みのAccount SIDとの紐付けが完了しました（受付番号 ${input.reference}）`,
    `取引時確認済みのAccount SIDに基づき、新しいAccount SIDの取引時確認が完了しました。\n\n受付番号：${input.reference}\n新しいAccount SID：${input.accountSid}\n取引時確認済みのAccount SID：${input.verifiedAccountSid}\n\n引き続き Twilio をご利用ください。`,
    input,
  )
}

/** 高リスク取引: the eKYC passed, and more documents are needed before a 統括管理者 decides. */
export function enhancedReviewEmail(input: { reference: string; documents: string[]; link: string; expiresAt: Date } & Addressed) {
  return compose(
    'ENHANCED_REVIEW',
    `【取引時確認】追加の書類のご提出のお願い（受付番号 ${input.reference}）`,
    `スマートフォンでの本人確認が完了しました。お申し込みの内容から、法令（犯罪収益移転防止法4条2項）に基づき、追加の確認が必要です。\n\n受付番号：${input.reference}\n\nご提出いただく書類：\n${input.documents.map((document) => `・${document}`).join('\n')}\n\n次のリンクからお申し込みの画面を開き、書類を撮影してアップロードしてください（${formatJapanDateTime(input.expiresAt)}まで有効、1回のみ使用できます）。書類を確認したうえで、審査の結果をメールでお知らせします。\n${input.link}`,
    input,
  )
}

/**
 * 2回目以降: to the owner of the already-verified account, naming the new Account SID and the
 * addresses that asked. Only the owner's confirmation approves the new SID (犯収法4条3項).
 */
export function ownerConfirmationEmail(input: {
  reference: string
  accountSid: string
  verifiedAccountSid: string
  requestedBy: string[]
  link: string
  expiresAt: Date
} & Addressed) {
  return compose(
    'OWNER_CONFIRMATION',
    `【取引時確認】新しいAccount SIDの紐付けのご確認（受付番号 ${input.reference}）`,
    `取引時確認済みのAccount SID（${input.verifiedAccountSid}）に、新しいAccount SIDを紐付けるお申し込みがありました。\n\n受付番号：${input.reference}\n新しいAccount SID：${input.accountSid}\nお申し込みのメールアドレス：${input.requestedBy.join('、')}\n\nご本人のお申し込みであれば、次のリンクを開き「私の申し込みです」を押してください。お心当たりがない場合は「私の申し込みではありません」を押してください（${formatJapanDateTime(input.expiresAt)}まで有効、1回のみ使用できます）。\n${input.link}\n\n確認が行われない場合、新しいAccount SIDは取引時確認済みとはなりません。`,
    input,
  )
}

/** 2回目以降 → 送信する: to the applicant, saying where the confirmation went. */
export function linkRequestedEmail(input: { reference: string; accountSid: string; sentTo: string; expiresAt: Date } & Addressed) {
  return compose(
    'LINK_REQUESTED',
    `【取引時確認】紐付けのお申し込みを受け付けました（受付番号 ${input.reference}）`,
    `新しいAccount SID（${input.accountSid}）を取引時確認済みのAccount SIDに紐付けるお申し込みを受け付けました。\n\n受付番号：${input.reference}\n\n取引時確認済みのアカウントのTwilioコンソールログイン用メールアドレス（${input.sentTo}）に確認のメールをお送りしました。${formatJapanDateTime(input.expiresAt)}までにそのメールのリンクから確認されると、紐付けが完了します。`,
    input,
  )
}

export function deniedEmail(input: { reference: string; hints: string[]; link: string; expiresAt: Date } & Addressed) {
  const hints = input.hints.length > 0 ? input.hints.map((hint) => `・${hint}`).join('\n') : '・フォームの内容と本人確認書類の内容が一致しませんでした。'
  return compose(
    'DENIED',
    `【取引時確認】審査結果のお知らせ：否認（受付番号 ${input.reference}）`,
    `取引時確認の審査の結果、お申し込みを承認できませんでした。\n\n受付番号：${input.reference}\n\n確認が必要な項目：\n${hints}\n\nフォームには、本人確認書類と同じ内容（字体を含む）をご入力ください。次のリンクから内容を修正して、もう一度お申し込みいただけます（${formatJapanDateTime(input.expiresAt)}まで有効、1回のみ使用できます）。\n${input.link}`,
    input,
  )
}

export function inquiryReceivedEmail(input: { reference: string; name: string; kindLabel: string; signature: EmailSignature }) {
  return compose(
    'INQUIRY_RECEIVED',
    `【取引時確認】お問い合わせを受け付けました（お問い合わせ番号 ${input.reference}）`,
    `お問い合わせを受け付けました。担当者より順次ご連絡いたします。\n\nお問い合わせ番号：${input.reference}\nお問い合わせの種類：${input.kindLabel}`,
    { addressee: `${input.name} 様`, signature: input.signature },
  )
}
