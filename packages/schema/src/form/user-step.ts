import { person } from './person.ts'

/** 利用者情報: the person who holds the Twilio console login address. */
export const userStep = person
export type { Person as UserStep } from './person.ts'
