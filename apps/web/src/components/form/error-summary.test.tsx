import { render, screen, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { useState, type FormEvent } from 'react'
import { describe, expect, it } from 'vitest'
import { ErrorSummary, type SummaryError } from './error-summary.tsx'

/**
 * The summary above a small form, wired as a step wires it: each failed 次へ is a new attempt and
 * the errors are those of the values at that moment.
 */
function Form({ title }: { title?: string }) {
  const [attempt, setAttempt] = useState(0)
  const [errors, setErrors] = useState<SummaryError[]>([])
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const found: SummaryError[] = []
    if (!data.get('familyName')) found.push({ fieldId: 'familyName', message: '姓を入力してください' })
    if (!data.get('year')) found.push({ fieldId: 'birthDate', message: '生年月日を入力してください' })
    setErrors(found)
    if (found.length > 0) setAttempt((n) => n + 1)
  }
  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} title={title} />
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor="familyName">姓</label>
        <input id="familyName" name="familyName" />
        <fieldset id="birthDate">
          <legend>生年月日</legend>
          <label htmlFor="birthDate-year">年</label>
          <input id="birthDate-year" name="year" />
        </fieldset>
        <button type="submit">次へ</button>
      </form>
    </>
  )
}

const summary = (name = '入力内容に問題があります') => screen.getByRole('alert', { name })

function setup(title?: string) {
  const user = userEvent.setup()
  render(<Form title={title} />)
  return { user, submit: () => user.click(screen.getByRole('button', { name: '次へ' })) }
}

describe('ErrorSummary', () => {
  it('shows nothing while there are no errors', async () => {
    const { user, submit } = setup()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    await user.type(screen.getByLabelText('姓'), '山田')
    await user.type(screen.getByLabelText('年'), '1990')
    await submit()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('takes focus when errors appear, and lists each error as a link to its field', async () => {
    const { submit } = setup()
    await submit()
    expect(summary()).toHaveFocus()
    const links = within(summary()).getAllByRole('link')
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['姓を入力してください', '#familyName'],
      ['生年月日を入力してください', '#birthDate'],
    ])
  })

  it('moves focus to the field a link names, or to the first control of a group', async () => {
    const { user, submit } = setup()
    await submit()
    await user.click(screen.getByRole('link', { name: '姓を入力してください' }))
    expect(screen.getByLabelText('姓')).toHaveFocus()
    await user.click(screen.getByRole('link', { name: '生年月日を入力してください' }))
    expect(screen.getByLabelText('年')).toHaveFocus()
  })

  it('leaves focus with the person while they type, and takes it again on the next failed attempt', async () => {
    const { user, submit } = setup()
    await submit()
    await user.click(screen.getByRole('link', { name: '姓を入力してください' }))
    await user.keyboard('山田')
    expect(screen.getByLabelText('姓')).toHaveFocus()

    await submit()
    expect(summary()).toHaveFocus()
    expect(within(summary()).getAllByRole('link').map((link) => link.textContent)).toEqual(['生年月日を入力してください'])
  })

  it('can be titled for the screen', async () => {
    const { submit } = setup('お申し込みを送信できませんでした')
    await submit()
    expect(summary('お申し込みを送信できませんでした')).toHaveFocus()
  })
})
