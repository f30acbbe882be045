import { describe, expect, it } from 'vitest'
import { productionBaseEnv, productionEnv, trustdockEnv } from '#src/test/production-env.ts'
import { ConfigError, DEVELOPMENT_WEBHOOK_SECRET, loadConfig, repoRoot } from './config.ts'

/** The message loadConfig stops with ('' when it does not). */
function messageOf(env: Record<string, string>) {
  try {
    loadConfig(env)
    return ''
  } catch (error) {
    return error instanceof ConfigError ? error.message : String(error)
  }
}

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

  it('names its database in production: the embedded one would keep the records on the instance\'s own disk', () => {
    expect(() => loadConfig({ ...productionEnv, DATABASE_URL: '' })).toThrow(/DATABASE_URL: is required in production/)
    expect(loadConfig(productionEnv).DATABASE_URL).toBe(productionEnv.DATABASE_URL)
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

  describe('the eKYC provider', () => {
    const production = productionBaseEnv
    const trustdock = trustdockEnv

    it('is the sandbox by default outside production', () => {
      expect(loadConfig({}).EKYC_PROVIDER).toBe('sandbox')
      expect(loadConfig({ NODE_ENV: 'test' }).EKYC_PROVIDER).toBe('sandbox')
    })

    it('must be set explicitly in production', () => {
      expect(() => loadConfig(production)).toThrow(ConfigError)
      expect(() => loadConfig(production)).toThrow(/EKYC_PROVIDER: is required in production/)
      expect(() => loadConfig({ ...production, EKYC_PROVIDER: '' })).toThrow(/EKYC_PROVIDER: is required in production/)
    })

    it('must not be the sandbox in production, even with its secret', () => {
      const env = { ...production, EKYC_PROVIDER: 'sandbox', SANDBOX_EKYC_WEBHOOK_SECRET: 'a-sandbox-secret-of-thirty-two-characters' }
      expect(() => loadConfig(env)).toThrow(/EKYC_PROVIDER: must not be sandbox in production/)
      // About the provider only: asking for a sandbox secret would suggest that setting one helps.
      const message = messageOf({ ...production, EKYC_PROVIDER: 'sandbox' })
      expect(message).toMatch(/EKYC_PROVIDER: must not be sandbox/)
      expect(message).not.toContain('SANDBOX_EKYC_WEBHOOK_SECRET')
    })

    it('starts in production with a vendor configured', () => {
      expect(loadConfig({ ...production, ...trustdock }).EKYC_PROVIDER).toBe('trustdock')
    })

    it('names each missing TRUSTDOCK_* variable', () => {
      expect(() => loadConfig({ ...production, EKYC_PROVIDER: 'trustdock' })).toThrow(/TRUSTDOCK_WEBHOOK_SECRET: is required when EKYC_PROVIDER=trustdock/)
      expect(() => loadConfig({ ...trustdock, TRUSTDOCK_API_URL: 'http://api.trustdock.example' })).toThrow(/TRUSTDOCK_API_URL:/)
    })

    it('refuses a provider it does not know', () => {
      expect(() => loadConfig({ EKYC_PROVIDER: 'acme' })).toThrow(/EKYC_PROVIDER:/)
    })
  })
})

describe('the fixed development webhook secret', () => {
  const production = productionEnv

  it('is the sandbox secret in development and test when none is set', () => {
    expect(loadConfig({}).SANDBOX_EKYC_WEBHOOK_SECRET).toBe(DEVELOPMENT_WEBHOOK_SECRET)
    expect(loadConfig({ NODE_ENV: 'test' }).SANDBOX_EKYC_WEBHOOK_SECRET).toBe(DEVELOPMENT_WEBHOOK_SECRET)
  })

  it.each(['SANDBOX_EKYC_WEBHOOK_SECRET', 'STATUS_WEBHOOK_SECRET', 'TRUSTDOCK_WEBHOOK_SECRET'])('is refused in production as %s', (name) => {
    expect(messageOf(production)).toBe('')
    const env = { ...production, STATUS_WEBHOOK_URL: 'https://provisioning.example.jp/hook', STATUS_WEBHOOK_SECRET: 'status-webhook-secret-of-32-characters', [name]: DEVELOPMENT_WEBHOOK_SECRET }
    expect(messageOf(env)).toContain(`${name}: must not be the development secret in production`)
  })

  it('may be set explicitly in development', () => {
    expect(loadConfig({ STATUS_WEBHOOK_URL: 'http://127.0.0.1:9/hook', STATUS_WEBHOOK_SECRET: DEVELOPMENT_WEBHOOK_SECRET }).STATUS_WEBHOOK_SECRET).toBe(DEVELOPMENT_WEBHOOK_SECRET)
  })
})

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false)
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false)
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false)
  })

  it('takes a hop count', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1)
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2)
  })

  it('takes a list of addresses and CIDRs, IPv4 and IPv6', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,fd00::/8' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '192.168.1.5', 'fd00::/8'])
  })

  it.each(['true', 'yes', 'loadbalancer', '10.0.0.0/33', 'fd00::/129', '10.0.0.0/8/1', '10.0.0', '1.5', '-1'])('refuses %s, naming the variable', (value) => {
    expect(messageOf({ TRUST_PROXY: value })).toMatch(/TRUST_PROXY: .*hop count/)
  })
})

describe('the operator', () => {
  const { OPERATOR_NAME, OPERATOR_URL, SUPPORT_EMAIL } = productionEnv

  it('is a plainly marked example outside production', () => {
    const config = loadConfig({})
    expect(config.OPERATOR_NAME).toBe('（例）株式会社サンプル通信')
    expect(config.OPERATOR_URL).toBe('https://example.com')
    expect(config.SUPPORT_EMAIL).toBe('support@example.com')
    expect(config.PRIVACY_POLICY_URL).toBeUndefined()
  })

  it('is what the environment names', () => {
    const config = loadConfig({ ...productionEnv, PRIVACY_POLICY_URL: 'https://www.honban.example.jp/privacy' })
    expect(config).toMatchObject({ OPERATOR_NAME, OPERATOR_URL, SUPPORT_EMAIL, PRIVACY_POLICY_URL: 'https://www.honban.example.jp/privacy' })
  })

  it.each(['OPERATOR_NAME', 'OPERATOR_URL', 'SUPPORT_EMAIL'])('must name %s in production', (name) => {
    expect(messageOf({ ...productionEnv, [name]: '' })).toContain(`${name}: is required in production`)
  })

  it('needs no privacy policy of its own in production: /privacy is one', () => {
    expect(messageOf(productionEnv)).toBe('')
  })

  it.each([
    ['SUPPORT_EMAIL', 'support'],
    ['OPERATOR_URL', 'javascript:alert(1)'],
    ['PRIVACY_POLICY_URL', 'ftp://example.com/privacy'],
    ['OPERATOR_NAME', '   '],
  ])('refuses %s=%s', (name, value) => {
    expect(messageOf({ [name]: value })).toContain(`${name}:`)
  })
})
