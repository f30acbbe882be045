import type { App } from '#src/app.ts'
import { validAnswers } from './valid-answers.ts'

/** A browser: creates an application and keeps its session cookie. */
export async function applicantBrowser(app: App, flow: 'FIRST_TIME' | 'LINK_VERIFIED' = 'FIRST_TIME') {
  const created = await app.inject({ method: 'POST', url: '/api/applications', payload: { flow } })
  const cookie = created.cookies.find((c) => c.name === 'kakunin_applicant')!
  const headers = { cookie: `kakunin_applicant=${cookie.value}` }
  let version: number = created.json().version
  const id: string = created.json().id
  // Writes go as JSON, as the SPA sends them (`{}` when there is nothing to say).
  const send = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ?? method !== 'GET' ? { payload: payload ?? {} } : {}) })
  return {
    id,
    headers,
    get version() {
      return version
    },
    send,
    async save(step: string, values: unknown, resumeAt?: string) {
      const response = await send('PUT', `/api/applications/${id}/steps/${step}`, { version, values, ...(resumeAt ? { resumeAt } : {}) })
      if (response.statusCode === 200) version = response.json().version
      return response
    },
    async saveAll(answers: object = validAnswers) {
      for (const [step, values] of Object.entries(answers)) {
        const response = await this.save(step, values)
        if (response.statusCode !== 200) throw new Error(`saving ${step} failed: ${response.body}`)
      }
    },
    /** Reads the application again, as a page load does (status changes move the version). */
    async refresh() {
      const response = await send('GET', '/api/applications/current')
      version = response.json().version
      return response.json()
    },
    /** Fills in every step and submits: the application is then SUBMITTED. */
    async submitComplete(answers: object = validAnswers) {
      await this.saveAll(answers)
      const response = await this.submit()
      if (response.statusCode !== 200) throw new Error(`submit failed: ${response.body}`)
      return response.json()
    },
    async submit() {
      const response = await send('POST', `/api/applications/${id}/submit`, { version })
      if (response.statusCode === 200) version = response.json().version
      return response
    },
  }
}

