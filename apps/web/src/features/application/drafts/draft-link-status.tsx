import type { ReactNode } from 'react'
import type { UseMutationResult } from '@tanstack/react-query'

type DraftLinkMutation = Pick<UseMutationResult<{ sentTo: string }, Error, string>, 'data' | 'error' | 'isPending'>

/**
 * What became of 下書き保存: the (masked) address the link went to, in a live region that is on
 * the page before anything is said in it, or why no link could be sent. `note` says more about
 * what was saved.
 */
export function DraftLinkStatus({ mutation, note }: { mutation: DraftLinkMutation; note?: ReactNode }) {
  const { data, error, isPending } = mutation
  return (
    <>
      <div role="status" className="draft-status">
        {isPending && <p className="loading">リンクを送信しています…</p>}
        {data && (
          <div className="notice">
            {note}
            <p>
              <strong>{data.sentTo}</strong> に、続きから入力するためのリンクをお送りしました。
            </p>
            <p>メールのリンクから、このお申し込みの続きを入力できます（リンクは1回のみ使用できます）。メールが届かない場合は、迷惑メールフォルダもご確認ください。</p>
          </div>
        )}
      </div>
      {error && (
        <div className="notice notice-error" role="alert">
          {note}
          <p>{error.message}</p>
        </div>
      )}
    </>
  )
}
