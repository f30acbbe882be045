import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { anApplication } from '@kakunin/test-data/applications'
import { API } from '#src/testing/handlers.ts'
import { server } from '#src/testing/server.ts'
import { backgroundWritesDone, ownVersion, writeInBackground } from './own-versions.ts'

describe('versions after background draft saves', () => {
  it('a write made while a background save runs carries the version that save left', async () => {
    let release: () => void = () => undefined
    const sent: number[] = []
    void writeInBackground('app-1', 7, async (version) => {
      sent.push(version)
      await new Promise<void>((resolve) => (release = resolve))
      return { version: version + 1 }
    })
    await vi.waitFor(() => expect(sent).toEqual([7]))
    const next = ownVersion('app-1', 7)
    release()
    expect(await next).toBe(8)
  })

  it('saves one after another, each from the version the one before left', async () => {
    const sent: number[] = []
    const write = async (version: number) => {
      sent.push(version)
      return { version: version + 1 }
    }
    void writeInBackground('app-2', 1, write)
    void writeInBackground('app-2', 1, write)
    await backgroundWritesDone()
    expect(sent).toEqual([1, 2])
    expect(await ownVersion('app-2', 1)).toBe(3)
    // Another application's versions are its own.
    expect(await ownVersion('app-3', 1)).toBe(1)
  })

  it('a refused save changes nothing: the next write sends the version it was read at', async () => {
    await writeInBackground('app-4', 5, () => Promise.reject(new Error('409')))
    expect(await ownVersion('app-4', 5)).toBe(5)
  })

  it('a save as the page goes away starts at once, from the version the pending saves will leave', async () => {
    let release: () => void = () => undefined
    const sent: number[] = []
    void writeInBackground('app-5', 3, async (version) => {
      sent.push(version)
      await new Promise<void>((resolve) => (release = resolve))
      return { version: version + 1 }
    })
    await vi.waitFor(() => expect(sent).toEqual([3]))
    void writeInBackground('app-5', 3, async (version) => {
      sent.push(version)
      return { version: version + 1 }
    }, { leavingPage: true })
    // Sent before the first one was answered.
    expect(sent).toEqual([3, 4])
    release()
    expect(await ownVersion('app-5', 3)).toBe(5)
  })

  it('after a reload, recognises the save the page before sent as it went, and only that one', async () => {
    const application = anApplication({ version: 8 })
    server.use(http.get(`${API}/applications/current`, () => HttpResponse.json(application)))
    sessionStorage.setItem(`kakunin:left:${application.id}`, '7')
    // This page read version 7 before the save on leaving landed; the server is at 8 now.
    expect(await ownVersion(application.id, 7)).toBe(8)
    expect(sessionStorage.getItem(`kakunin:left:${application.id}`)).toBeNull()

    // Another tab's edit (two versions on) is not taken for ours.
    sessionStorage.setItem(`kakunin:left:${application.id}`, '6')
    server.use(http.get(`${API}/applications/current`, () => HttpResponse.json({ ...application, version: 9 })))
    expect(await ownVersion(application.id, 6)).toBe(6)
  })
})
