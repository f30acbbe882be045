import { Link } from 'wouter'
import { MailNotArriving } from '#src/components/help/mail-not-arriving.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { KYC_INQUIRY_PATH } from '#src/lib/support-paths.ts'

/** `/help`: the article's 認証が通らない時のチェック項目, with the form for anything else. */
export function HelpPage() {
  return (
    <>
      <PageHeading title="認証が通らない時のチェック項目">認証が通らない時のチェック項目</PageHeading>
      <p>取引時確認情報の登録や本人確認がうまくいかない場合は、次の項目をご確認ください。</p>
      <MailNotArriving />
      <section aria-labelledby="denied">
        <h2 id="denied">否認の判定を受けた場合</h2>
        <p>フォームにご入力いただいた内容とご登録いただいた身分証の内容が不一致の可能性がございます。</p>
        <p>
          お手数おかけいたしますが、フォームには身分証明書と同じ内容（字体を含む）をご記入ください。審査結果のメールに記載のリンク、またはお申し込みに使ったブラウザの「登録情報確認」画面から、「要確認」の項目を「変更」で修正して、もう一度お申し込みいただけます。新しいQRコードで本人確認を行っていただきます。
        </p>
      </section>
      <section aria-labelledby="inquiry">
        <h2 id="inquiry">お問い合わせについて</h2>
        <p>
          本件についてご不明点等ございましたら、<Link href={KYC_INQUIRY_PATH}>お問い合わせフォーム</Link>
          より、お問い合わせの種類を「取引時確認」にご選択いただき、お問い合わせをお願い致します。
        </p>
      </section>
      <p>
        <Link href="/">取引時確認情報の登録へ戻る</Link>
      </p>
    </>
  )
}
