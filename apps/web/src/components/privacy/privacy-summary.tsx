import { useId } from 'react'
import { Link } from 'wouter'
import { useOperator } from '#src/api/get-public-config.ts'
import { PRIVACY_PATH } from '#src/lib/support-paths.ts'

/**
 * 個人情報の取り扱い in brief, where the applicant starts and before they send: who collects the
 * data, why, for how long and who else sees it, with the full notice a link away.
 */
export function PrivacySummary() {
  const headingId = useId()
  const operator = useOperator()
  return (
    <section className="notice privacy-summary" aria-labelledby={headingId}>
      <h2 id={headingId}>個人情報の取り扱いについて</h2>
      <p>
        ご入力いただく氏名・生年月日・住所などの情報と本人確認書類・顔写真の画像は、
        {operator ? operator.name : '運営事業者'}
        が、犯罪収益移転防止法に基づく取引時確認と Twilio のご契約のために利用します。本人確認書類と顔写真の確認は、委託先の本人確認事業者が行います。確認の記録は、法令に基づき、ご契約の終了後7年間保存します。
      </p>
      <p>
        詳しくは<Link href={PRIVACY_PATH}>個人情報の取り扱いについて</Link>をご覧ください。
      </p>
    </section>
  )
}
