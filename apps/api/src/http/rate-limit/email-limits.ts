import type { AppDeps } from '#src/deps.ts'
import { overLimit } from './enforce-limit.ts'
import type { EmailLimits } from './rate-limits.ts'

/**
 * One mailbox, however it is typed: case and a "+tag" do not make another recipient (the limit
 * protects the person reading it, whom user+1@… and user+2@… both reach).
 */
export function recipientIdentity(address: string) {
  const [local = '', domain = ''] = address.trim().toLowerCase().split(/@(?=[^@]*$)/)
  return `${local.replace(/\+.*$/, '')}@${domain}`
}

/**
 * Counts an email the applicant asks for, against its application and then each recipient; the
 * seconds to wait when one of them is spent, otherwise null. A recipient counts only when the
 * application may still send, so one applicant's excess does not spend the address for others.
 */
export async function emailOverLimit(
  deps: Pick<AppDeps, 'pool' | 'clock'>,
  limits: EmailLimits,
  mail: { applicationId: string; recipients: readonly string[] },
): Promise<number | null> {
  const refused = await overLimit(deps, limits.perApplication, [mail.applicationId])
  if (refused !== null) return refused
  for (const recipient of new Set(mail.recipients.map(recipientIdentity))) {
    const wait = await overLimit(deps, limits.perRecipient, [recipient])
    if (wait !== null) return wait
  }
  return null
}
