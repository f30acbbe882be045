import type { VerificationView } from '@kakunin/schema/verification'
import { formatJapanDateTime } from '@kakunin/schema/japan-time'

/** The QR code the phone scans, its expiry, and the same URL for someone already on a phone. */
export function VerificationQr({ verification }: { verification: VerificationView }) {
  return (
    <div className="qr-panel">
      <img
        className="qr-code"
        src={verification.qrCode}
        width={240}
        height={240}
        alt="本人確認用のQRコード。スマートフォンのカメラで読み取ってください。"
      />
      <div>
        <p>
          有効期限：<strong>{formatJapanDateTime(verification.expiresAt)}</strong> まで
        </p>
        <p className="hint">有効期限を過ぎた場合は、新しいQRコードを表示できます。</p>
        <p>
          スマートフォンでこの画面をご覧の方は、
          <a href={verification.url} target="_blank" rel="noopener">
            こちらから本人確認アプリを開いてください（新しいタブで開きます）
          </a>
          。
        </p>
      </div>
    </div>
  )
}
