import { PhoneHeading } from './phone-layout.tsx'

/** The phone flow is over: the desktop takes it from here. */
export function PhoneDone() {
  return (
    <>
      <PhoneHeading title="送信が完了しました" />
      <p className="notice">本人確認の送信が完了しました。パソコンの画面に戻り、「次へ」を押してください。</p>
      <p>この画面は閉じていただいて構いません。</p>
    </>
  )
}

/** The QR code expired before the phone flow was sent. */
export function PhoneExpired({ message }: { message?: string }) {
  return (
    <>
      <PhoneHeading title="QRコードの有効期限が切れています" />
      <p>{message ?? 'このQRコードの有効期限が切れています。'}</p>
      <p>パソコンの「身元確認用フォーム」の画面で「新しいQRコードを表示する」を押し、表示された新しいQRコードを読み取ってください。</p>
    </>
  )
}

/** A token nobody issued (a mistyped or truncated URL). */
export function PhoneUnknown({ message }: { message: string }) {
  return (
    <>
      <PhoneHeading title="このQRコードは使用できません" />
      <p>{message}</p>
      <p>パソコンの「身元確認用フォーム」の画面に表示されたQRコードを、スマートフォンのカメラでもう一度読み取ってください。</p>
    </>
  )
}
