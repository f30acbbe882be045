import { Link } from 'wouter'
import { PageHeading } from '#src/components/layout/page-heading.tsx'
import { INQUIRY_PATH } from '#src/lib/support-paths.ts'

/**
 * A confirmation link that did not work, whatever the reason (the API does not say, and neither
 * does this page). Unlike a resume link there is nothing to renew: the applicant sends again.
 */
export function InvalidConfirmationLink({ message }: { message: string }) {
  return (
    <>
      <PageHeading title="このリンクはご利用いただけません">このリンクはご利用いただけません</PageHeading>
      <p>{message}</p>
      <p>
        ご不明点は、<Link href={INQUIRY_PATH}>お問い合わせ</Link>からお寄せください。
      </p>
    </>
  )
}
