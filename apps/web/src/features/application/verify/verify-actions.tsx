import type { UseMutationResult } from '@tanstack/react-query'
import { DraftLinkStatus } from '#src/features/application/drafts/draft-link-status.tsx'

/** 次へ, with why it cannot be pressed yet. */
export function NextButton({ canGoOn, moving, onNext, explanation }: { canGoOn: boolean; moving: boolean; onNext: () => void; explanation: string }) {
  return (
    <div className="actions">
      <button type="button" className="button" onClick={onNext} disabled={!canGoOn || moving} aria-describedby={canGoOn ? undefined : 'next-explanation'}>
        次へ
      </button>
      {!canGoOn && (
        <p id="next-explanation" className="hint">
          {explanation}
        </p>
      )}
    </div>
  )
}

/** あとで本人確認を行う: the emailed link back to this page. */
export function Later({ applicationId, draftLink }: { applicationId: string; draftLink: UseMutationResult<{ sentTo: string }, Error, string> }) {
  return (
    <section className="later" aria-labelledby="later-title">
      <h2 id="later-title">あとで本人確認を行う場合</h2>
      <p>Twilioコンソールログイン用メールアドレスに、この画面に戻るためのリンクをお送りします。</p>
      <button type="button" className="button button-secondary" onClick={() => draftLink.mutate(applicationId)} disabled={draftLink.isPending}>
        あとで本人確認を行う
      </button>
      <DraftLinkStatus mutation={draftLink} />
    </section>
  )
}
