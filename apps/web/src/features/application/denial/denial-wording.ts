import type { ApplicationFlow } from '@kakunin/schema/application-flow'

// How a denial reads, by flow: a first-time application was checked against the ID; a link
// (2回目以降) was not confirmed by the owner of the verified account (declined, or not in time).

/** Under a step's heading on the confirmation screen, when some of its rows are flagged. */
export const FLAG_SUMMARY: Record<ApplicationFlow, string> = {
  FIRST_TIME: '本人確認書類の記載と一致しなかった項目があります。「変更」から修正してください。',
  LINK_VERIFIED: '確認が必要な項目があります。「変更」から修正してください。',
}

/** Beside a flagged row. */
export const FLAG_ROW: Record<ApplicationFlow, string> = {
  FIRST_TIME: '要確認: 本人確認書類の記載と一致しませんでした',
  LINK_VERIFIED: '要確認: この内容では紐付けを確認できませんでした',
}

/** At the top of a step opened to correct a denial. */
export const STEP_NOTICE: Record<ApplicationFlow, string> = {
  FIRST_TIME: '次の項目が本人確認書類の記載と一致しませんでした。',
  LINK_VERIFIED: '取引時確認済みのアカウントの所有者による確認が得られなかったため、お申し込みは承認されませんでした。',
}

/** 代理人情報 is checked against the agent's own ID. */
export const AGENT_FLAG_SUMMARY = '代理人の方の本人確認書類の記載と一致しなかった項目があります。「変更」から修正してください。'
export const AGENT_FLAG_ROW = '要確認: 代理人の方の本人確認書類の記載と一致しませんでした'
export const AGENT_STEP_NOTICE = '次の項目が代理人の方の本人確認書類の記載と一致しませんでした。'
