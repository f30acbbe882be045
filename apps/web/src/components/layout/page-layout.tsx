import type { ReactNode } from 'react'

export function PageLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        本文へスキップ
      </a>
      <header className="site-header">
        <p className="site-title">Twilio 取引時確認情報の登録</p>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>犯罪収益移転防止法に基づく取引時確認（個人のお客様）</p>
      </footer>
    </>
  )
}
