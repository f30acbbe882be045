import { Link } from 'wouter'
import type { Operator } from '@kakunin/schema/public-config'
import { usePublicConfig } from '#src/api/get-public-config.ts'
import { Loading } from '#src/components/feedback/loading.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { KYC_INQUIRY_PATH } from '#src/lib/support-paths.ts'

const TITLE = '個人情報の取り扱いについて'

/**
 * `/privacy`: the notice of 利用目的 (個人情報保護法21条) for what this form collects, published
 * before anything is typed; the operator's own policy, when configured, is linked from it.
 */
export function PrivacyPage() {
  const config = usePublicConfig()
  if (config.isPending) return <Loading />
  if (config.isError) {
    return (
      <>
        <PageHeading title={TITLE}>{TITLE}</PageHeading>
        <div className="notice notice-error" role="alert">
          <p>運営事業者の情報を読み込めませんでした。時間をおいて、もう一度お試しください。</p>
          <button type="button" className="button" onClick={() => void config.refetch()}>
            再読み込み
          </button>
        </div>
      </>
    )
  }
  return <PrivacyNotice operator={config.data.operator} />
}

function PrivacyNotice({ operator }: { operator: Operator }) {
  const inquiry = (
    <>
      <Link href={KYC_INQUIRY_PATH}>お問い合わせフォーム</Link>（お問い合わせの種類「取引時確認」）、または
      <a href={`mailto:${operator.supportEmail}`}>{operator.supportEmail}</a>
    </>
  )
  return (
    <>
      <PageHeading title={TITLE}>{TITLE}</PageHeading>
      <p>
        {operator.name}
        （以下「当社」といいます）は、取引時確認情報の登録でお預かりするお客様の個人情報を、次のとおり取り扱います。
      </p>

      <section aria-labelledby="privacy-operator">
        <h2 id="privacy-operator">個人情報を取り扱う事業者</h2>
        <dl className="privacy-operator">
          <dt>事業者名</dt>
          <dd>
            <a href={operator.url}>{operator.name}</a>
          </dd>
          <dt>お問い合わせ窓口</dt>
          <dd>{inquiry}</dd>
        </dl>
      </section>

      <section aria-labelledby="privacy-purposes">
        <h2 id="privacy-purposes">利用目的</h2>
        <p>お預かりした個人情報は、次の目的のために利用し、それ以外の目的には利用しません。</p>
        <ul>
          <li>
            犯罪収益移転防止法（犯罪による収益の移転防止に関する法律）第4条に基づく取引時確認（本人特定事項、取引を行う目的、職業などの確認）を行うため
          </li>
          <li>Twilio のご利用契約の締結と、その後のご契約の管理のため</li>
          <li>電話番号が特殊詐欺等の犯罪に使われることを防ぐため</li>
          <li>審査の結果や、お手続きに必要なご案内をメールでお知らせするため</li>
          <li>お問い合わせにお答えするため</li>
          <li>法令に基づく記録の作成・保存や届出を行うため</li>
        </ul>
      </section>

      <section aria-labelledby="privacy-collected">
        <h2 id="privacy-collected">お預かりする情報</h2>
        <ul>
          <li>Twilioログイン情報: Account SID、Twilioコンソールログイン用メールアドレス、連絡用メールアドレス</li>
          <li>利用者情報: 氏名とフリガナ、生年月日、ご住所</li>
          <li>内容・目的: 取引を行う目的、200万円以上の財産の取引に使用する可能性の有無</li>
          <li>補足情報: 屋号・団体名・通称、通称を用いる理由、職業</li>
          <li>代理人情報（代理人がいる場合）: 代理人の氏名、生年月日、利用者との関係、ご住所</li>
          <li>本人確認書類の画像と記載事項、顔写真（容貌）の画像</li>
          <li>追加の確認をお願いした場合にご提出いただく書類の画像</li>
          <li>お問い合わせの際にご入力いただく氏名、メールアドレス、お問い合わせの内容</li>
        </ul>
      </section>

      <section aria-labelledby="privacy-retention">
        <h2 id="privacy-retention">保存期間</h2>
        <p>
          取引時確認の記録（確認記録）は、犯罪収益移転防止法第6条に基づき、ご契約が終了した日から7年間保存します。取引の記録（取引記録）は、同法第7条に基づき、取引が行われた日から7年間保存します。
        </p>
        <p>保存期間中の記録は、法令に基づき、削除せずに保存します。</p>
      </section>

      <section aria-labelledby="privacy-recipients">
        <h2 id="privacy-recipients">個人情報をお渡しする先</h2>
        <p>
          本人確認書類と顔写真の撮影・照合は、当社が委託するオンライン本人確認（eKYC）事業者が行います。委託先には本人確認に必要な範囲の情報（氏名・生年月日・ご住所と撮影された画像）をお渡しし、当社が委託先を適切に監督します。
        </p>
        <p>
          法令に基づく場合（犯罪収益移転防止法第8条に基づく届出など）を除き、ご本人の同意なく個人情報を第三者に提供することはありません。
        </p>
      </section>

      <section aria-labelledby="privacy-requests">
        <h2 id="privacy-requests">開示・訂正・利用停止などのご請求</h2>
        <p>
          ご本人は、当社が保有する個人情報の開示、内容の訂正・追加・削除、利用の停止・消去、第三者への提供の停止を求めることができます（個人情報保護法第33条〜第35条）。
        </p>
        <p>ご請求やご質問は、{inquiry}までお寄せください。ご本人であることを確認したうえで、対応いたします。</p>
        <p>
          お申し込みの途中であれば、入力内容は「登録情報確認」画面の「変更」から修正できます。なお、法令で保存が義務付けられている記録は、保存期間中は消去・利用停止のご請求にお応えできない場合があります。
        </p>
      </section>

      {operator.privacyPolicyUrl && (
        <section aria-labelledby="privacy-policy">
          <h2 id="privacy-policy">当社のプライバシーポリシー</h2>
          <p>
            当社の個人情報の取り扱い全般については、<a href={operator.privacyPolicyUrl}>{operator.name}のプライバシーポリシー</a>
            をご覧ください。
          </p>
        </section>
      )}

      <p>
        <Link href="/">取引時確認情報の登録へ戻る</Link>
      </p>
    </>
  )
}
