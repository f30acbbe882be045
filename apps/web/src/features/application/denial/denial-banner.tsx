import { Link } from 'wouter'
import type { ApplicantApplication } from '@kakunin/schema/application'
import type { ApplicationFlow } from '@kakunin/schema/application-flow'
import { SupportLinks } from '#src/components/help/support-links.tsx'
import { changePath } from '#src/features/application/apply-paths.ts'
import { CORRECTION_ADVICE } from './correction-advice.ts'
import { DenialHints } from './denial-hints.tsx'
import { deniedSubjects, whoseMismatch } from './denied-subjects.ts'

type Denial = NonNullable<ApplicantApplication['denial']>

/**
 * 否認: at the top of the confirmation screen, the verdict, what did not match and how to correct
 * it. The rows concerned are marked below, each group with its 変更 link. A link application
 * (2回目以降) was not confirmed by the owner of the verified account: correct the SID and send it
 * again, or apply the first-time way.
 */
export function DenialBanner({ denial, flow = 'FIRST_TIME' }: { denial: Denial; flow?: ApplicationFlow }) {
  return flow === 'LINK_VERIFIED' ? <LinkDenial denial={denial} /> : <FirstTimeDenial denial={denial} />
}

function FirstTimeDenial({ denial }: { denial: Denial }) {
  const whose = whoseMismatch(denial)
  return (
    <section className="notice notice-error denial" aria-labelledby="denial-title">
      <h2 id="denial-title">審査の結果、お申し込みを承認できませんでした</h2>
      <p>{whose ?? 'フォームにご入力いただいた内容と、ご提出いただいた本人確認書類の内容が一致しない可能性があります。'}</p>
      <h3>確認が必要な項目</h3>
      <DenialHints hints={denial.hints} />
      {/* The agent's details are corrected in 代理人情報: the way there, straight back here after. */}
      {deniedSubjects(denial).agent && (
        <p>
          <Link href={changePath('agent')}>代理人情報を修正する</Link>
        </p>
      )}
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

function LinkDenial({ denial }: { denial: Denial }) {
  return (
    <section className="notice notice-error denial" aria-labelledby="denial-title">
      <h2 id="denial-title">新しいAccount SIDを紐付けできませんでした</h2>
      <p>取引時確認済みのAccount SIDへの紐付けには、そのアカウントの所有者による確認が必要です。このお申し込みは承認されませんでした。</p>
      <h3>承認されなかった理由</h3>
      <DenialHints hints={denial.hints} />
      <p>
        取引時確認済みのAccount SIDは、「Twilioログイン情報」の「変更」から修正できます。修正して「送信する」を押すと、改めてそのアカウントの所有者に確認のメールをお送りします。初めての方の手続きは、
        <Link href="/">最初のページ</Link>から始められます。
      </p>
      <h3>お困りの場合</h3>
      <SupportLinks />
    </section>
  )
}
