import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'
import { withStatusWebhooks } from './prisma-plugin.ts'

describe('withStatusWebhooks', () => {
  it('adds the setting to the startup options, after those the URL already gives', () => {
    const url = new URL(withStatusWebhooks('postgresql://u:p@db:5432/kakunin?sslmode=require&options=-c%20search_path%3Dapp'))
    expect(url.searchParams.get('sslmode')).toBe('require')
    expect(url.searchParams.get('options')).toBe('-c search_path=app -c kakunin.status_webhooks=on')
  })

  it('is what a connection then reads', async () => {
    const client = new pg.Client({ connectionString: withStatusWebhooks(inject('databaseUrl')) })
    await client.connect()
    try {
      const { rows } = await client.query<{ value: string }>(`SELECT current_setting('kakunin.status_webhooks', true) AS value`)
      expect(rows[0]?.value).toBe('on')
    } finally {
      await client.end()
    }
  })
})
