import type * as z from 'zod/mini'

type Issue = z.core.$ZodRawIssue

const typeNames: Record<string, string> = {
  string: '文字列',
  number: '数値',
  int: '整数',
  boolean: '真偽値',
  object: 'オブジェクト',
  array: '配列',
  date: '日付',
}

/**
 * Natural Japanese for the issues a person can meet. Anything not covered here falls back to
 * zod's own Japanese locale, so no message is ever English.
 */
export function japaneseMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return '入力してください'
      return `${typeNames[issue.expected] ?? issue.expected}で入力してください`
    case 'invalid_value':
      return '選択肢の中から選択してください'
    case 'too_small':
      if (issue.origin === 'string') {
        return issue.minimum === 1 ? '入力してください' : `${issue.minimum}文字以上で入力してください`
      }
      if (issue.origin === 'array') return issue.minimum === 1 ? '1つ以上選択してください' : `${issue.minimum}つ以上選択してください`
      return issue.inclusive === false ? `${issue.minimum}より大きい値を入力してください` : `${issue.minimum}以上の値を入力してください`
    case 'too_big':
      if (issue.origin === 'string') return `${issue.maximum}文字以内で入力してください`
      if (issue.origin === 'array') return `${issue.maximum}つ以内で選択してください`
      return issue.inclusive === false ? `${issue.maximum}より小さい値を入力してください` : `${issue.maximum}以下の値を入力してください`
    case 'unrecognized_keys':
      return `入力できない項目が含まれています: ${issue.keys.join(', ')}`
    case 'invalid_format':
      if (issue.format === 'email') return 'メールアドレスの形式で入力してください'
      return '形式が正しくありません'
    case 'invalid_union':
      return '選択肢の中から選択してください'
    default:
      return undefined
  }
}
