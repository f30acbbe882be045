import { useState, type FormEvent } from 'react'
import { Link, useParams } from 'wouter'
import { Loading } from '#src/components/feedback/loading.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'
import { useMailbox } from './api/get-mailbox.ts'
import { MailDetail } from './mail-detail.tsx'
import { MAIL_STATUS_LABELS } from './mail-status.ts'

/**
 * `/dev/mailbox`: where mail goes when no SMTP server is configured (development and tests).
 * Lists the newest mails; `/dev/mailbox/:id` shows one.
 */
export function MailboxPage() {
  const { id } = useParams<{ id?: string }>()
  return (
    <>
      <PageHeading title="開発用メールボックス">開発用メールボックス</PageHeading>
      <p className="notice">SMTPサーバーが設定されていないため、送信されたメールはここに保存されています（本番環境では使用できません）。</p>
      {id ? <MailDetail id={id} /> : <MailList />}
    </>
  )
}

function MailList() {
  const [to, setTo] = useState('')
  const mailbox = useMailbox(to)

  function onFilter(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setTo(String(new FormData(event.currentTarget).get('to') ?? '').trim())
  }

  return (
    <>
      <form className="mail-filter" onSubmit={onFilter} role="search">
        <div className="field">
          <label htmlFor="mail-to">宛先で絞り込む</label>
          <input id="mail-to" name="to" className="input input-medium" type="email" inputMode="email" defaultValue={to} />
        </div>
        <div className="actions">
          <button type="submit" className="button button-secondary">
            絞り込む
          </button>
          <button type="button" className="button button-secondary" onClick={() => void mailbox.refetch()} disabled={mailbox.isFetching}>
            最新の状態に更新
          </button>
        </div>
      </form>
      {mailbox.isPending && <Loading />}
      {mailbox.isError && (
        <div className="notice notice-error" role="alert">
          <p>{mailbox.error.message}</p>
        </div>
      )}
      {mailbox.data && (
        <div role="status">
          <p>{mailbox.data.mails.length}件のメール（新しい順、最大50件）</p>
        </div>
      )}
      {mailbox.data && mailbox.data.mails.length > 0 && (
        <div className="table-scroll">
          <table className="mail-table">
            <caption className="visually-hidden">メール一覧</caption>
            <thead>
              <tr>
                <th scope="col">件名</th>
                <th scope="col">宛先</th>
                <th scope="col">日時</th>
                <th scope="col">状態</th>
              </tr>
            </thead>
            <tbody>
              {mailbox.data.mails.map((mail) => (
                <tr key={mail.id}>
                  <td>
                    <Link href={`/dev/mailbox/${mail.id}`}>{mail.subject}</Link>
                  </td>
                  <td>{mail.to}</td>
                  <td>{formatJapanDateTime(mail.createdAt)}</td>
                  <td>{MAIL_STATUS_LABELS[mail.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
