import { Loading } from '#src/components/feedback/loading.tsx'
import type { VerificationFlow } from './use-verification-flow.ts'

/** While the sessions are first read; a failed poll keeps what was shown, so only a first read that failed needs saying. */
export function FirstRead({ flow }: { flow: VerificationFlow }) {
  const { verification, data } = flow
  return (
    <>
      {verification.isPending && <Loading />}
      {verification.isError && !data && (
        <div className="notice notice-error" role="alert">
          <p>{verification.error.message}</p>
          <button type="button" className="button" onClick={() => void verification.refetch()}>
            再読み込み
          </button>
        </div>
      )}
    </>
  )
}
