import type { ApplicantApplication } from '@kakunin/schema/application'
import { SupportLinks } from '../../../components/help/support-links.tsx'
import { CORRECTION_ADVICE } from './correction-advice.ts'
import { DenialHints } from './denial-hints.tsx'

/**
 * 否認: at the top of the confirmation screen, the verdict, what did not match and how to correct
 * it. The rows concerned are marked below, each group with its 変更 link.
 */
export function DenialBanner({ denial }: { denial: NonNullable<ApplicantApplication['denial']> }) {
  return (
    <section className="notice notice-error denial" aria-labelledby="denial-title">
      <h2 id="denial-title">審査の結果、お申し込みを承認できませんでした</h2>
      <p>フォームにご入力いただいた内容と、ご提出いただいた本人確認書類の内容が一致しない可能性があります。</p>
      <h3>確認が必要な項目</h3>
      <DenialHints hints={denial.hints} />
      <p>
        <strong>{CORRECTION_ADVICE}</strong>
      </p>
      <p>
        「要確認」の項目を、各項目の「変更」から修正してください。修正が終わったら「続けて本人確認画像をアップロードする」を押して、もう一度お申し込みください。新しいQRコードで本人確認を行っていただきます。
      </p>
      <h3>お困りの場合</h3>
      <SupportLinks />
    </section>
  )
}
