import type { MailView } from '@kakunin/schema/dev-mailbox'

export const MAIL_STATUS_LABELS: Record<MailView['status'], string> = {
  PENDING: '送信待ち',
  SENT: '送信済み',
  FAILED: '送信失敗',
}
