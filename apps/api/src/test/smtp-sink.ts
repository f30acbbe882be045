import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'

/**
 * A real SMTP server on 127.0.0.1 that keeps what it receives. `refuse` makes it answer like a
 * server in trouble: 421 for everything (an outage) or 550 for some recipients (permanent).
 */
export async function startSmtpSink() {
  const received: ParsedMail[] = []
  let outage = false
  let delayMs = 0
  const rejectedRecipients = new Set<string>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (outage) return callback(Object.assign(new Error('service not available'), { responseCode: 421 }))
      callback()
    },
    onRcptTo(address, _session, callback) {
      if (rejectedRecipients.has(address.address)) return callback(Object.assign(new Error('no such user'), { responseCode: 550 }))
      callback()
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => (delayMs ? new Promise<ParsedMail>((resolve) => setTimeout(() => resolve(mail), delayMs)) : mail))
        .then((mail) => received.push(mail))
        .then(() => callback(), callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as { port: number }
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    setOutage(on: boolean) {
      outage = on
    },
    /** Answers each message only after `ms`, like a sluggish server. */
    setDelay(ms: number) {
      delayMs = ms
    },
    rejectRecipient(address: string) {
      rejectedRecipients.add(address)
    },
    acceptRecipient(address: string) {
      rejectedRecipients.delete(address)
    },
    to: (address: string) => received.filter((mail) => [mail.to].flat().some((to) => to?.text.includes(address))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
