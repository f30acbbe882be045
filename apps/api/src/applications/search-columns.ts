import type { DraftAnswers } from '@kakunin/schema/form/application-form'
import { fullName, fullNameKana } from '@kakunin/schema/form/person'

/** The answers staff search by, copied into their own columns so they can be indexed. Display uses the answers. */
export function searchColumns(answers: DraftAnswers) {
  return {
    accountSid: answers.login?.accountSid ?? null,
    verifiedAccountSid: answers.login?.verifiedAccountSid ?? null,
    // Lower case, so an exact search by address can use its index whatever the case typed.
    loginEmail: answers.login?.loginEmail.toLowerCase() ?? null,
    contactEmail: answers.login?.contactEmail.toLowerCase() ?? null,
    fullName: answers.user ? fullName(answers.user) : null,
    fullNameKana: answers.user ? fullNameKana(answers.user) : null,
  }
}
