/** 認証が通らない時のチェック項目: the article's troubleshooting. */
export const HELP_PATH = '/help'

/** お問い合わせ, with nothing chosen. */
export const INQUIRY_PATH = '/inquiry'

/** お問い合わせ with 取引時確認 chosen, as the article asks. */
export const KYC_INQUIRY_PATH = '/inquiry?kind=KYC'

/**
 * お問い合わせ from an application's page: 取引時確認 chosen, and the application of this
 * browser's session attached (the API finds it through the session; no id goes in the URL).
 */
export const APPLICATION_INQUIRY_PATH = '/inquiry?from=application'

/** 個人情報の取り扱いについて: who collects the applicant's data, why, and for how long. */
export const PRIVACY_PATH = '/privacy'
