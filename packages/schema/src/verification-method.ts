import { japanToday } from './japan-time.ts'

/**
 * 犯収法施行規則 6条1項1号: ホ (ID images + selfie), ワ/カ (IC chip read by the phone), and JPKI
 * (マイナンバーカードの公的個人認証). The methods are data, because the law changes them:
 * image-based ホ ends for data received on or after 2027-04-01 (Japan time), whichever provider
 * delivered it.
 */
export const VERIFICATION_METHODS = ['ho', 'ic_chip', 'jpki'] as const
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number]

export const VERIFICATION_METHOD_LABELS: Record<VerificationMethod, string> = {
  ho: '本人確認書類の画像と容貌の撮影（ホ方式）',
  ic_chip: '本人確認書類のICチップ読み取りと容貌の撮影',
  jpki: 'マイナンバーカードの公的個人認証（JPKI）',
}

const HO_LAST_DAY = { year: 2027, month: 3, day: 31 }

export const isVerificationMethod = (value: unknown): value is VerificationMethod =>
  typeof value === 'string' && (VERIFICATION_METHODS as readonly string[]).includes(value)

/** Whether `method` is a lawful way to verify for data received at `at`. */
export function isMethodAvailable(method: VerificationMethod, at: Date): boolean {
  if (method !== 'ho') return true
  const { year, month, day } = japanToday(at)
  return year * 10000 + month * 100 + day <= HO_LAST_DAY.year * 10000 + HO_LAST_DAY.month * 100 + HO_LAST_DAY.day
}

export function availableMethods<M extends VerificationMethod>(offered: readonly M[], at: Date): M[] {
  return offered.filter((method) => isMethodAvailable(method, at))
}
