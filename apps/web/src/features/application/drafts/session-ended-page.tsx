import { MailNotArriving } from '#src/components/help/mail-not-arriving.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { useSessionEnded } from './session-ended.ts'

const MAIL_SUBJECT = '【取引時確認】入力途中のお申し込みを保存しました'

/**
 * After 途中保存して終了: the draft is saved, this browser's session has ended, and the emailed
 * link is the way back (the same mail as 下書き保存 sends).
 */
export function SessionEndedPage() {
  const ended = useSessionEnded()
  return (
    <>
      <PageHeading title="入力内容を保存して終了しました">入力内容を保存して終了しました</PageHeading>
      {ended?.screenUnsaved ? (
        <p>
          終了した画面の入力内容のうち、修正が必要な項目はまだ保存していません。それ以外の項目と、前の画面までの入力内容は保存されています。
        </p>
      ) : (
        <p>ここまでの入力内容は保存されています。</p>
      )}
      <p>
        {ended ? <><strong>{ended.sentTo}</strong>{' '}</> : 'Twilioコンソールログイン用メールアドレス'}
        に、続きから入力するためのリンクをお送りしました（件名「{MAIL_SUBJECT}」）。
      </p>
      <h2>続きを入力するには</h2>
      <ol>
        <li>メールに記載されたリンクを開いてください。ほかのパソコンやスマートフォンからでも開けます。</li>
        <li>表示されたお申し込みがご自身のものであることを確かめて、「この申し込みを続ける」を押してください。</li>
      </ol>
      <p>
        リンクは1回のみ使用でき、メールに記載の日時まで有効です。有効期限が切れた場合は、リンクを開いた画面から新しいリンクをお送りできます。
      </p>
      <p>このブラウザからは、このお申し込みを開けなくなりました。このままページを閉じていただいて問題ありません。</p>
      <MailNotArriving />
    </>
  )
}
