import type { Config } from '#src/config/config.ts'

/** One limit: at most `max` hits per fixed window, counted per identity under `name`. */
export interface Limit {
  /** Part of every key, so that two limits never share a counter. */
  name: string
  max: number
  windowSeconds: number
}

const QUARTER_HOUR = 15 * 60
const HOUR = 60 * 60

/**
 * Every limit the API applies, from the configuration. Draft links and owners' confirmations
 * count apart: saving drafts all afternoon must not stop the applicant's 送信する.
 */
export function rateLimitsFrom(config: Config) {
  const email = config.EMAIL_RATE_LIMIT
  return {
    createApplication: { name: 'create-application', max: config.CREATE_APPLICATION_RATE_LIMIT, windowSeconds: HOUR },
    submit: { name: 'submit', max: config.SUBMIT_RATE_LIMIT, windowSeconds: QUARTER_HOUR },
    verification: { name: 'verification', max: config.VERIFICATION_RATE_LIMIT, windowSeconds: HOUR },
    linkCheck: { name: 'link-check', max: config.LINK_CHECK_RATE_LIMIT, windowSeconds: QUARTER_HOUR },
    inquiry: { name: 'inquiry', max: config.INQUIRY_RATE_LIMIT, windowSeconds: QUARTER_HOUR },
    resumeRenew: { name: 'resume-renew', max: config.RESUME_RENEW_RATE_LIMIT, windowSeconds: QUARTER_HOUR },
    sandboxPhone: { name: 'sandbox-phone', max: config.SANDBOX_PHONE_RATE_LIMIT, windowSeconds: QUARTER_HOUR },
    draftLinkEmail: {
      perApplication: { name: 'draft-link-email:application', max: email, windowSeconds: HOUR },
      perRecipient: { name: 'draft-link-email:recipient', max: email, windowSeconds: HOUR },
    },
    confirmationEmail: {
      perApplication: { name: 'confirmation-email:application', max: email, windowSeconds: HOUR },
      perRecipient: { name: 'confirmation-email:recipient', max: email, windowSeconds: HOUR },
    },
  } satisfies Record<string, Limit | EmailLimits>
}

/** An email an applicant can cause is limited per application and per recipient address. */
export interface EmailLimits {
  perApplication: Limit
  perRecipient: Limit
}

export type RateLimits = ReturnType<typeof rateLimitsFrom>
