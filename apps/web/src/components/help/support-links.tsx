import { Link } from 'wouter'
import { APPLICATION_INQUIRY_PATH, HELP_PATH } from '#src/lib/support-paths.ts'

/** Where an applicant with a problem goes next: the troubleshooting, or an inquiry about this application. */
export function SupportLinks() {
  return (
    <p>
      <Link href={HELP_PATH}>認証が通らない時のチェック項目</Link>
      をご確認ください。ご不明点は、
      <Link href={APPLICATION_INQUIRY_PATH}>このお申し込みについてのお問い合わせ</Link>
      からお寄せください。
    </p>
  )
}
