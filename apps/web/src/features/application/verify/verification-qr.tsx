import type { VerificationView } from '@kakunin/schema/verification'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'

/**
 * The QR code the phone scans, its expiry, and the same URL for someone already on a phone.
 * `person` names whose phone it is for when there are two QR codes (利用者ご本人, 代理人の方).
 */
export function VerificationQr({ verification, person }: { verification: VerificationView; person?: string }) {
  const alt = person
    ? `${person}の本人確認用のQRコード。${person}のスマートフォンのカメラで読み取ってください。`
    : '本人確認用のQRコード。スマートフォンのカメラで読み取ってください。'
  return (
    <div className="qr-panel">
      <img className="qr-code" src={verification.qrCode} width={240} height={240} alt={alt} />
      <div>
        <p>
          有効期限：<strong>{formatJapanDateTime(verification.expiresAt)}</strong> まで
        </p>
        <p className="hint">有効期限を過ぎた場合は、新しいQRコードを表示できます。</p>
        <p>
          スマートフォンでこの画面をご覧の方は、
          <a href={verification.url} target="_blank" rel="noopener">
            こちらから本人確認アプリを開いてください（新しいタブで開きます）
            {person && <span className="visually-hidden">（{person}）</span>}
          </a>
          。
        </p>
      </div>
    </div>
  )
}
