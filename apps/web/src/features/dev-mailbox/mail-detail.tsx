import { Link } from 'wouter'
import { Loading } from '#src/components/feedback/loading.tsx'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'
import { useMail } from './api/get-mail.ts'
import { LinkedText } from './linked-text.tsx'
import { MAIL_STATUS_LABELS } from './mail-status.ts'

/** One mail: its headers as the mailbox knows them and its text, links clickable. */
export function MailDetail({ id }: { id: string }) {
  const mail = useMail(id)
  if (mail.isPending) return <Loading />
  if (mail.isError) {
    return (
      <div className="notice notice-error" role="alert">
        <p>{mail.error.message}</p>
      </div>
    )
  }
  const { data } = mail
  return (
    <article className="mail" aria-labelledby="mail-subject">
      <h2 id="mail-subject">{data.subject}</h2>
      <dl className="answer-list">
        <div className="answer-row">
          <dt>宛先</dt>
          <dd>{data.deliveredTo && data.deliveredTo !== data.to ? `${data.to}（配信先: ${data.deliveredTo}）` : data.to}</dd>
        </div>
        <div className="answer-row">
          <dt>日時</dt>
          <dd>{formatJapanDateTime(data.createdAt)}</dd>
        </div>
        <div className="answer-row">
          <dt>状態</dt>
          <dd>{MAIL_STATUS_LABELS[data.status]}</dd>
        </div>
      </dl>
      <LinkedText text={data.text} />
      <p>
        <Link href="/dev/mailbox">一覧に戻る</Link>
      </p>
    </article>
  )
}
