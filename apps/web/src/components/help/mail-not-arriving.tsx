import { usePublicConfig } from '#src/api/get-public-config.ts'

/**
 * The article's メールが届かない場合: look in the spam folder and allow our mail domain, named as
 * the server sends from it (`MAIL_FROM_ADDRESS`). Until it is known, the advice stands without it.
 */
export function MailNotArriving() {
  const domain = usePublicConfig().data?.mailDomain
  return (
    <section aria-labelledby="mail-not-arriving">
      <h2 id="mail-not-arriving">メールが届かない場合</h2>
      <p>迷惑メールに分類されている可能性がありますため、お手数ですが迷惑メールボックスをご確認ください。</p>
      <p>
        {domain ? (
          <>
            当事務局のメールドメイン「<strong>@{domain}</strong>」からのメールを受信できるように設定をお願いします。
          </>
        ) : (
          '当事務局の送信元メールドメインからのメールを受信できるように、メールの受信設定をお願いします。'
        )}
      </p>
    </section>
  )
}
