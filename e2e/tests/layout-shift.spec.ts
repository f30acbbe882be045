import { expect, test, type Page } from '@playwright/test'
import { validApplication } from '@kakunin/test-data/answers'

// Issue 13, no layout shift: while a lazily loaded screen shows 読み込み中…, the main area already
// fills the window, so the footer is below the fold and nothing in view moves when the screen arrives.

const VIEWPORTS = {
  desktop: { width: 1280, height: 720 },
  mobile: { width: 412, height: 823 },
}

/** Every step saved through the API in the page's own session, so any step and 登録情報確認 open. */
async function applicationWithEveryStep(page: Page) {
  const created = await page.request.post('/api/applications', { data: { flow: 'FIRST_TIME' } })
  expect(created.status()).toBe(201)
  const { id } = (await created.json()) as { id: string }
  let { version } = (await created.json()) as { version: number }
  for (const [step, values] of Object.entries(validApplication)) {
    const saved = await page.request.put(`/api/applications/${id}/steps/${step}`, { data: { version, values } })
    expect(saved.status(), await saved.text()).toBe(200)
    ;({ version } = (await saved.json()) as { version: number })
  }
}

/** Sums the page's layout shifts from its first paint, as Lighthouse's CLS does for one load. */
async function recordLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const record = window as unknown as { layoutShift: number }
    record.layoutShift = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) record.layoutShift += entry.value
      }
    }).observe({ type: 'layout-shift', buffered: true })
  })
  return () => page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift)
}

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  for (const { path, chunk, title } of [
    { path: '/apply/user', chunk: 'form', title: '利用者情報' },
    { path: '/apply/confirm', chunk: 'confirm-page', title: '登録情報確認' },
  ]) {
    test(`${path} on ${device}: the footer stays below the fold while the screen loads`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await applicationWithEveryStep(page)
      const layoutShift = await recordLayoutShifts(page)
      // Holds the screen's chunk back, so 読み込み中… is on screen long enough to measure.
      let release!: () => void
      const held = new Promise<void>((resolve) => (release = resolve))
      await page.route(new RegExp(`/assets/${chunk}-[^/]+\\.js$`), async (route) => {
        await held
        await route.continue()
      })

      await page.goto(path)
      await expect(page.getByRole('status').filter({ hasText: '読み込み中…' })).toBeVisible()
      const footer = page.locator('footer.site-footer')
      const whileLoading = await footer.boundingBox()
      expect(whileLoading!.y).toBeGreaterThanOrEqual(viewport.height)

      release()
      await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
      await expect(page.getByRole('status').filter({ hasText: '読み込み中…' })).toHaveCount(0)
      expect((await footer.boundingBox())!.y).toBeGreaterThanOrEqual(viewport.height)
      expect(await layoutShift()).toBeLessThan(0.05)
    })
  }
}

test('the steps come as one chunk, and the screen after the last is fetched while it is shown: 次へ waits for no code', async ({ page }) => {
  await applicationWithEveryStep(page)
  const fetched: string[] = []
  page.on('request', (request) => {
    const chunk = request.url().match(/\/assets\/([a-z-]+)-[\w-]+\.js$/)?.[1]
    if (chunk) fetched.push(chunk)
  })
  await page.goto('/apply/user')
  await expect(page.getByRole('heading', { level: 1, name: '利用者情報' })).toBeVisible()
  expect(fetched).toContain('form')
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '内容・目的' })).toBeVisible()

  await page.goto('/apply/agent')
  await expect(page.getByRole('heading', { level: 1, name: '代理人情報' })).toBeVisible()
  // 登録情報確認 is next: its code arrives before anything is pressed.
  await expect.poll(() => fetched.includes('confirm-page')).toBe(true)
  await page.getByRole('button', { name: '確認画面へ' }).click()
  await expect(page.getByRole('heading', { level: 1, name: '登録情報確認' })).toBeVisible()
  expect(fetched.filter((chunk) => chunk === 'confirm-page')).toHaveLength(1)
})
