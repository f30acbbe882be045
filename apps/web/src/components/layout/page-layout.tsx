import type { ReactNode } from 'react'
import { Link, useLocation } from 'wouter'
import { APPLICATION_INQUIRY_PATH, HELP_PATH, INQUIRY_PATH, PRIVACY_PATH } from '#src/lib/support-paths.ts'
import { OperatorContact } from './operator-contact.tsx'

export function PageLayout({ children }: { children: ReactNode }) {
  // On an application's pages, an inquiry is about that application.
  const [location] = useLocation()
  const inquiryPath = location.startsWith('/apply/') ? APPLICATION_INQUIRY_PATH : INQUIRY_PATH
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
        <nav aria-label="サポート">
          <ul className="footer-links">
            <li>
              <Link href={HELP_PATH}>認証が通らない時のチェック項目</Link>
            </li>
            <li>
              <Link href={inquiryPath}>お問い合わせ</Link>
            </li>
            <li>
              <Link href={PRIVACY_PATH}>個人情報の取り扱いについて</Link>
            </li>
          </ul>
        </nav>
        <OperatorContact />
        <p>犯罪収益移転防止法に基づく取引時確認（個人のお客様）</p>
      </footer>
    </>
  )
}
