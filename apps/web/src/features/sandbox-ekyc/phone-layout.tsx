import type { ReactNode } from 'react'
import { Link } from 'wouter'
import { OperatorContact } from '#src/components/layout/operator-contact.tsx'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { PRIVACY_PATH } from '#src/lib/support-paths.ts'

export const SANDBOX_APP_NAME = '本人確認アプリ（サンドボックス）'

/**
 * The frame of the sandbox vendor's app: another service than the form, and plainly a sandbox, so
 * nobody takes it for a real identity check.
 */
export function PhoneLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        本文へスキップ
      </a>
      <header className="site-header phone-header">
        <p className="site-title">{SANDBOX_APP_NAME}</p>
      </header>
      <main id="main" className="container" tabIndex={-1}>
        <p className="sandbox-note">
          これは開発・検証用のサンドボックスです。本人確認事業者のアプリの代わりに動作し、実際の本人確認は行いません。
        </p>
        {children}
      </main>
      <footer className="site-footer">
        <p>{SANDBOX_APP_NAME}</p>
        {/* The photos go to the operator's 取引時確認: the phone names who asks for them, too. */}
        <p>この本人確認は、次の事業者の取引時確認のために行います。</p>
        <OperatorContact />
        <p>
          <Link href={PRIVACY_PATH}>個人情報の取り扱いについて</Link>
        </p>
      </footer>
    </>
  )
}

/** A phone screen's <h1>, titled for the app rather than the form. */
export function PhoneHeading({ title }: { title: string }) {
  return (
    <PageHeading title={title} site={SANDBOX_APP_NAME}>
      {title}
    </PageHeading>
  )
}

/** ステップ N / M of the phone flow. */
export function PhoneProgress({ step, of }: { step: number; of: number }) {
  return (
    <p className="progress-count">
      ステップ {step} / {of}
    </p>
  )
}
