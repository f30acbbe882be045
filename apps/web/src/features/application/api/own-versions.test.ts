import { describe, expect, it, vi } from 'vitest'
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
})
