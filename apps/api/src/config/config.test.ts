import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, repoRoot } from './config.ts'

describe('loadConfig', () => {
  it('has defaults that run on a laptop: port 3000 on loopback, embedded database under .data', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', NODE_ENV: 'development', CORS_ORIGINS: [] })
    expect(config.DATABASE_URL).toBeUndefined()
    expect(config.DATA_DIR).toBe(`${repoRoot}/.data`)
  })

  it('reads and converts the variables it knows', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://kakunin:pw@db:5432/kakunin',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    })
    expect(config.PORT).toBe(8080)
    expect(config.DATABASE_URL).toBe('postgres://kakunin:pw@db:5432/kakunin')
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example'])
  })

  it('treats an empty variable as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', PORT: '' })
    expect(config.DATABASE_URL).toBeUndefined()
    expect(config.PORT).toBe(3000)
  })

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://db/kakunin'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
  ])('stops with a message naming %s when it is %s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`))
  })
})
