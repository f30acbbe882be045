/**
 * The steps of the applicant's form, in the article's order. Each flow uses a subset: the
 * already-verified flow (2回目以降) stops after Twilioログイン情報.
 */
export const STEP_IDS = ['type', 'login', 'user', 'purpose', 'extra', 'agent'] as const
export type StepId = (typeof STEP_IDS)[number]

export const STEP_TITLES: Record<StepId, string> = {
  type: 'お申し込み内容の入力',
  login: 'Twilioログイン情報',
  user: '利用者情報',
  purpose: '内容・目的',
  extra: '補足情報',
  agent: '代理人情報',
}

export const STEPS_BY_FLOW = {
  FIRST_TIME: ['type', 'login', 'user', 'purpose', 'extra', 'agent'],
  LINK_VERIFIED: ['type', 'login'],
} as const satisfies Record<string, readonly StepId[]>

/** Where an applicant can be sent back to: a step, or the confirmation screen. */
export const RESUME_POINTS = [...STEP_IDS, 'confirm'] as const
export type ResumePoint = (typeof RESUME_POINTS)[number]
