import type { Config } from '#src/config/config.ts'

/**
 * Who signs every email, and where to ask: our mail comes from a no-reply address, and a careful
 * reader should see which company writes and how to reach it without trusting the mail's links.
 */
export interface EmailSignature {
  /** MAIL_FROM_NAME, e.g. 取引時確認事務局. */
  senderName: string
  operatorName: string
  operatorUrl: string
  supportEmail: string
  inquiryUrl: string
  privacyUrl: string
}

type SignatureSource = Pick<Config, 'MAIL_FROM_NAME' | 'OPERATOR_NAME' | 'OPERATOR_URL' | 'SUPPORT_EMAIL' | 'LINK_BASE_URL'>

export function emailSignature(config: SignatureSource): EmailSignature {
  return {
    senderName: config.MAIL_FROM_NAME,
    operatorName: config.OPERATOR_NAME,
    operatorUrl: config.OPERATOR_URL,
    supportEmail: config.SUPPORT_EMAIL,
    // Every email is about a 取引時確認: the form opens with that kind chosen, as the help article asks.
    inquiryUrl: `${config.LINK_BASE_URL}/inquiry?kind=KYC`,
    privacyUrl: `${config.LINK_BASE_URL}/privacy`,
  }
}

/** The closing block of every email, as text lines (a line that is a URL becomes a link in the HTML part). */
export function signatureLines(signature: EmailSignature): string[] {
  return [
    '――――――――――――――――',
    signature.operatorName,
    signature.senderName,
    signature.operatorUrl,
    '',
    'お問い合わせフォーム（お問い合わせの種類「取引時確認」）：',
    signature.inquiryUrl,
    `お問い合わせメールアドレス：${signature.supportEmail}`,
    '個人情報の取り扱いについて：',
    signature.privacyUrl,
    '',
    'このメールは送信専用です。ご返信いただいてもお答えできません。ご不明点は、上記のお問い合わせフォームまたはメールアドレスへお寄せください。',
    'お心当たりのない場合は、このメールを破棄してください。',
  ]
}
