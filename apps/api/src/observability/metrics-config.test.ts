import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '#src/config/config.ts'
import { productionEnv } from '#src/test/production-env.ts'

const TOKEN = 'a-metrics-token-of-thirty-two-characters'

describe('METRICS and METRICS_TOKEN', () => {
  it('are off and unset by default, and read on/off like the other switches', () => {
    const defaults = loadConfig({})
    expect(defaults.METRICS).toBe(false)
    expect(defaults.METRICS_TOKEN).toBeUndefined()
    for (const on of ['on', 'true', '1']) expect(loadConfig({ METRICS: on }).METRICS).toBe(true)
    for (const off of ['off', 'false', '0']) expect(loadConfig({ METRICS: off }).METRICS).toBe(false)
    expect(() => loadConfig({ METRICS: 'yes' })).toThrow(ConfigError)
  })

  it('need a token in production when on, of 32+ printable characters without spaces', () => {
    expect(() => loadConfig({ ...productionEnv, METRICS: 'on' })).toThrow(/METRICS_TOKEN: is required in production when METRICS is on/)
    expect(loadConfig({ ...productionEnv, METRICS: 'on', METRICS_TOKEN: TOKEN }).METRICS_TOKEN).toBe(TOKEN)
    expect(loadConfig({ ...productionEnv }).METRICS).toBe(false)
    expect(() => loadConfig({ METRICS: 'on', METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/)
    expect(() => loadConfig({ METRICS: 'on', METRICS_TOKEN: `${TOKEN} with spaces` })).toThrow(/printable ASCII/)
  })
})
