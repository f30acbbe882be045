import { randomBytes } from 'node:crypto'

/** A fresh Account SID per test (AC + 32 hex digits), so tests never look at each other's rows. */
export const newAccountSid = () => `AC${randomBytes(16).toString('hex')}`

/** An address only this test writes to, so its mailbox holds only its own mail. */
export const uniqueEmail = (name = 'taro') => `${name}-${randomBytes(6).toString('hex')}@example.com`
