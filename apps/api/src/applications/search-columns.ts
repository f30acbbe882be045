import type { DraftAnswers } from '@kakunin/schema/form/application-form'
import { fullName, fullNameKana } from '@kakunin/schema/form/person'

/** The answers staff search by, copied into their own columns so they can be indexed. */
export function searchColumns(answers: DraftAnswers) {
  return {
    accountSid: answers.login?.accountSid ?? null,
    loginEmail: answers.login?.loginEmail ?? null,
    contactEmail: answers.login?.contactEmail ?? null,
    fullName: answers.user ? fullName(answers.user) : null,
    fullNameKana: answers.user ? fullNameKana(answers.user) : null,
  }
}
