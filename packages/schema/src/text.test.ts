import { describe, expect, it } from 'vitest'
import { issuesOf, toFullWidth } from '@kakunin/test-data/schema-checks'
import { addressLine, email, katakana, NO_CONTROL_MESSAGE, optionalText, requiredText, multilineText, queryText } from './text.ts'

const CONTROL_CHARACTERS = [
  ['a line feed', '\n'],
  ['a carriage return', '\r'],
  ['a tab', '\t'],
  ['NUL', '\u0000'],
  ['DEL', '\u007f'],
  ['a C1 control', '\u0085'],
  ['a zero-width space', '\u200b'],
  ['a zero-width joiner', '\u200d'],
  ['a right-to-left mark', '\u200f'],
  ['a line separator', '\u2028'],
  ['a right-to-left override', '\u202e'],
  ['a word joiner', '\u2060'],
  ['a byte order mark', '\ufeff'],
] as const

describe('requiredText', () => {
  const name = requiredText(10, '姓を入力してください')

  it.each([
    ['full-width letters', 'ＹＡＭＡＤＡ', 'YAMADA'],
    ['full-width digits', '１２３', '123'],
    ['half-width katakana', 'ﾔﾏﾀﾞ', 'ヤマダ'],
    ['half-width katakana with handakuten', 'ﾊﾟｰｸ', 'パーク'],
    ['surrounding spaces', '  山田  ', '山田'],
    ['surrounding ideographic spaces (U+3000)', '\u3000山田\u3000', '山田'],
    ['an ideographic space between words', '山田\u3000太郎', '山田 太郎'],
    ['a trailing line feed, which trimming removes', '山田\n', '山田'],
  ])('folds %s: %j → %j', (_, input, expected) => {
    expect(name.parse(input)).toBe(expected)
  })

  it.each(['髙橋', '渡邊', 'わたなべ', 'Smith', '𠮷田'])('keeps %s as typed', (input) => {
    expect(name.parse(input)).toBe(input)
  })

  it.each(['', '   ', '\u3000\u3000'])('asks for the field with its own message when given %j', (input) => {
    expect(issuesOf(name, input)).toEqual([{ path: [], message: '姓を入力してください' }])
  })

  it('asks with the default message when none is given', () => {
    expect(issuesOf(requiredText(10), '')).toEqual([{ path: [], message: '入力してください' }])
  })

  it('asks for a value that is missing and names the expected type for a wrong one', () => {
    expect(issuesOf(name, undefined)).toEqual([{ path: [], message: '入力してください' }])
    expect(issuesOf(name, null)).toEqual([{ path: [], message: '入力してください' }])
    expect(issuesOf(name, 12)).toEqual([{ path: [], message: '文字列で入力してください' }])
  })

  it('accepts exactly the maximum length and rejects one more character', () => {
    expect(name.parse('あいうえおかきくけこ')).toBe('あいうえおかきくけこ')
    expect(issuesOf(name, 'あいうえおかきくけこさ')).toEqual([{ path: [], message: '10文字以内で入力してください' }])
  })

  it('counts the length after folding and trimming', () => {
    expect(name.parse(toFullWidth('ABCDEFGHIJ'))).toBe('ABCDEFGHIJ')
    expect(name.parse('\u3000 あいうえおかきくけこ \u3000')).toBe('あいうえおかきくけこ')
  })

  it.each(CONTROL_CHARACTERS)('rejects %s inside the text', (_, control) => {
    expect(issuesOf(name, `山${control}田`)).toEqual([{ path: [], message: NO_CONTROL_MESSAGE }])
  })

  it('explains the control-character rule in Japanese', () => {
    expect(NO_CONTROL_MESSAGE).toBe('使用できない文字（改行や制御文字など）が含まれています')
  })
})

describe('optionalText', () => {
  const note = optionalText(5)

  it.each(['', '   ', '\u3000'])('keeps an empty answer %j as an empty string', (input) => {
    expect(note.parse(input)).toBe('')
  })

  it('folds and trims like requiredText', () => {
    expect(note.parse(' ﾃｽﾄ１ ')).toBe('テスト1')
  })

  it('still requires the key itself', () => {
    expect(issuesOf(note, undefined)).toEqual([{ path: [], message: '入力してください' }])
  })

  it('enforces the maximum length', () => {
    expect(note.parse('あいうえお')).toBe('あいうえお')
    expect(issuesOf(note, 'あいうえおか')).toEqual([{ path: [], message: '5文字以内で入力してください' }])
  })

  it.each(CONTROL_CHARACTERS)('rejects %s', (_, control) => {
    expect(issuesOf(note, `a${control}b`)).toEqual([{ path: [], message: NO_CONTROL_MESSAGE }])
  })
})

describe('katakana', () => {
  const kana = katakana(10)
  const NOT_KATAKANA = 'フリガナは全角カタカナで入力してください'

  it.each(['ヤマダ', 'タロウ', 'コーヒー', 'ジョン・スミス', 'ヴァイオレット', 'ァィゥェォ', 'ッャュョヮ', 'ヵヶ'])('accepts %s', (input) => {
    expect(kana.parse(input)).toBe(input)
  })

  it.each([
    ['ヤマダ タロウ', 'ヤマダタロウ'],
    ['ヤマダ\u3000タロウ', 'ヤマダタロウ'],
    ['  ヤマダ  ', 'ヤマダ'],
  ])('strips spaces: %j → %j', (input, expected) => {
    expect(kana.parse(input)).toBe(expected)
  })

  it.each([
    ['ﾔﾏﾀﾞ', 'ヤマダ'],
    ['ﾀﾛｳ', 'タロウ'],
    ['ﾊﾟｰｸ', 'パーク'],
    ['ｼﾞｮﾝ･ｽﾐｽ', 'ジョン・スミス'],
    ['ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダタロウ'],
  ])('accepts half-width katakana after folding: %j → %j', (input, expected) => {
    expect(kana.parse(input)).toBe(expected)
  })

  it.each([
    ['やまだ', 'ヤマダ'],
    ['ヤマだ', 'ヤマダ'],
    ['じょん・すみす', 'ジョン・スミス'],
    ['こーひー', 'コーヒー'],
    ['ゔぁいおれっと', 'ヴァイオレット'],
    ['ぁぃぅぇぉゕゖ', 'ァィゥェォヵヶ'],
    ['いすゞ', 'イスヾ'],
    ['やまだ たろう', 'ヤマダタロウ'],
  ])('folds hiragana into katakana: %j → %j', (input, expected) => {
    expect(kana.parse(input)).toBe(expected)
  })

  it('still limits the length after folding', () => {
    expect(issuesOf(kana, 'あ'.repeat(11))).toEqual([{ path: [], message: '10文字以内で入力してください' }])
  })

  it.each([
    ['kanji', '山田'],
    ['kanji mixed with hiragana', 'やま田'],
    ['latin letters', 'Yamada'],
    ['full-width latin letters', 'ＹＡＭＡＤＡ'],
    ['katakana with a digit', 'ヤマダ1'],
    ['katakana with a hyphen for the long vowel', 'コ-ヒ-'],
  ])('rejects %s', (_, input) => {
    expect(issuesOf(kana, input)).toEqual([{ path: [], message: NOT_KATAKANA }])
  })

  it.each(['', '   ', '\u3000'])('asks for the フリガナ first when given %j', (input) => {
    expect(issuesOf(kana, input)[0]).toEqual({ path: [], message: 'フリガナを入力してください' })
  })

  it('counts the length without the spaces it strips', () => {
    const short = katakana(5)
    expect(short.parse('アイ ウエオ')).toBe('アイウエオ')
    expect(issuesOf(short, 'アイウエオカ')).toEqual([{ path: [], message: '5文字以内で入力してください' }])
  })
})

describe('addressLine', () => {
  const line = addressLine(20, true)

  it.each([
    ['minus signs (U+2212)', '2\u221221\u22121', '2-21-1'],
    ['hyphens (U+2010)', '2\u201021\u20101', '2-21-1'],
    ['en dashes (U+2013)', '2\u201321\u20131', '2-21-1'],
    ['em dashes (U+2014)', '2\u201421\u20141', '2-21-1'],
    ['horizontal bars (U+2015)', '2\u201521\u20151', '2-21-1'],
    ['full-width hyphen-minus', '２－２１－１', '2-21-1'],
    ['plain hyphens', '2-21-1', '2-21-1'],
  ])('folds %s to "-"', (_, input, expected) => {
    expect(line.parse(input)).toBe(expected)
  })

  it('folds full-width digits and keeps the rest of the address', () => {
    expect(line.parse('渋谷２丁目２１−１')).toBe('渋谷2丁目21-1')
  })

  it('keeps the prolonged sound mark of building names', () => {
    expect(line.parse('センタービル')).toBe('センタービル')
  })

  it('requires a required line and allows an empty optional one', () => {
    expect(issuesOf(line, '  ')).toEqual([{ path: [], message: '入力してください' }])
    expect(addressLine(20, false).parse('  ')).toBe('')
    expect(addressLine(20, false).parse('ヒルズ\u2212A')).toBe('ヒルズ-A')
  })

  it('rejects control characters and overlong lines', () => {
    expect(issuesOf(line, '渋谷\n2-21-1')).toEqual([{ path: [], message: NO_CONTROL_MESSAGE }])
    expect(issuesOf(addressLine(5, false), '渋谷2-21-1')).toEqual([{ path: [], message: '5文字以内で入力してください' }])
  })
})

describe('email', () => {
  const FORMAT = 'メールアドレスの形式で入力してください（例：taro@example.com）'

  it.each(['taro@example.com', 'taro.yamada+kyc@example.co.jp', 'Taro_Yamada@Example.com'])('accepts %s as typed', (input) => {
    expect(email.parse(input)).toBe(input)
  })

  it('folds a full-width address and trims spaces, including U+3000', () => {
    expect(email.parse(toFullWidth('taro@example.com'))).toBe('taro@example.com')
    expect(email.parse('\u3000 taro@example.com \u3000')).toBe('taro@example.com')
  })

  it.each(['taro', 'taro@', '@example.com', 'taro@example', 'taro yamada@example.com', 'taro@@example.com', 'たろう@example.com'])(
    'rejects %s with an example of the format',
    (input) => {
      expect(issuesOf(email, input)).toEqual([{ path: [], message: FORMAT }])
    },
  )

  it('asks for the address first when it is empty', () => {
    expect(issuesOf(email, ' ')[0]).toEqual({ path: [], message: 'メールアドレスを入力してください' })
  })

  it('rejects an address longer than 254 characters', () => {
    const long = `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com`
    expect(long.length).toBeGreaterThan(254)
    expect(issuesOf(email, long)).toContainEqual({ path: [], message: '254文字以内で入力してください' })
  })
})

describe('invisible characters that could disguise a name', () => {
  it.each(['2066', '2067', '2068', '2069', '061c', '180e', '00ad', '034f', 'fff9'])(
    'rejects U+%s',
    (code) => {
      const character = String.fromCodePoint(parseInt(code, 16))
      expect(requiredText(10).safeParse(`山${character}田`).error?.issues[0]?.message).toBe(NO_CONTROL_MESSAGE)
    },
  )

  it('keeps ideographic variation selectors, which some names need', () => {
    expect(requiredText(10).parse('葛\u{e0100}西')).toBe('葛\u{e0100}西')
  })
})

describe('katakana, beyond the basics', () => {
  it('rejects a line break instead of silently removing it', () => {
    expect(katakana(10).safeParse('ヤマ\nダ').error?.issues[0]?.message).toBe(NO_CONTROL_MESSAGE)
  })

  it.each(['イスヾ', 'ヴァイオレット', 'ヷヸヹヺ'])('accepts %s', (kana) => {
    expect(katakana(20).parse(kana)).toBe(kana)
  })
})

describe('text the database cannot store', () => {
  it.each([
    ['an unpaired high surrogate', 'ビル\ud800'],
    ['an unpaired low surrogate', '\udc00山田'],
    ['a NUL byte', '山\u0000田'],
    ['the replacement character left of bytes that were not UTF-8', 'ビル\ufffd'],
  ])('refuses %s in every kind of text, queries included', (_, value) => {
    for (const schema of [requiredText(50), optionalText(50), multilineText(50), queryText(50)]) {
      expect(schema.safeParse(value).success).toBe(false)
    }
  })

  it('keeps characters outside the BMP (a paired surrogate) as they are', () => {
    expect(requiredText(50).parse('𠮷野')).toBe('𠮷野')
  })
})
