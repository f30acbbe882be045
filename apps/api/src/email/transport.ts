import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer'

export const DEVELOPMENT_MAILBOX = 'development-mailbox'

export interface MailTransport {
  /** Where delivered mail ends up, as recorded on the outbox row. */
  describe(to: string): string
  sendMail(message: SendMailOptions): Promise<unknown>
  close(): void
}

/**
 * SMTP when SMTP_URL is set. Otherwise the development mailbox: nodemailer builds the message but
 * sends nothing; the outbox row is the mail, readable at /api/dev/mailbox.
 */
export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  const transporter: Transporter = smtpUrl
    ? nodemailer.createTransport(withTimeouts(smtpUrl))
    : nodemailer.createTransport({ jsonTransport: true })
  return {
    describe: (to) => (smtpUrl ? to : DEVELOPMENT_MAILBOX),
    sendMail: (message) => transporter.sendMail(message),
    close: () => transporter.close(),
  }
}

/** Short timeouts: a hung SMTP server should fail the attempt and let the backoff retry. */
function withTimeouts(smtpUrl: string): string {
  const url = new URL(smtpUrl)
  for (const [name, ms] of [['connectionTimeout', 10_000], ['greetingTimeout', 10_000], ['socketTimeout', 20_000]] as const) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms))
  }
  return url.toString()
}
