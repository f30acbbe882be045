// The staff search bench's applications, seeded in one INSERT … SELECT over generate_series: names
// drawn by their real frequency in Japan (林, 森, 原, 関 among the commonest one-character ones, 李,
// 王, 朴 rare) with a long tail of two-kanji names, kana to match, statuses, flows, three years of
// dates, Account SIDs and emails. The table's secondary indexes are built once after the rows (as a
// restore does), from their own definitions, rather than row by row.
import type pg from 'pg'

/** Family names, kana, and a weight (about their share per 10,000 people). */
const FAMILY: [string, string, number][] = [
  ['佐藤', 'サトウ', 150], ['鈴木', 'スズキ', 140], ['高橋', 'タカハシ', 115], ['田中', 'タナカ', 108], ['伊藤', 'イトウ', 87],
  ['渡辺', 'ワタナベ', 87], ['山本', 'ヤマモト', 87], ['中村', 'ナカムラ', 84], ['小林', 'コバヤシ', 82], ['加藤', 'カトウ', 71],
  ['吉田', 'ヨシダ', 68], ['山田', 'ヤマダ', 66], ['佐々木', 'ササキ', 54], ['山口', 'ヤマグチ', 50], ['松本', 'マツモト', 49],
  ['井上', 'イノウエ', 48], ['木村', 'キムラ', 46], ['林', 'ハヤシ', 43], ['斎藤', 'サイトウ', 42], ['清水', 'シミズ', 41],
  ['山崎', 'ヤマザキ', 37], ['森', 'モリ', 37], ['池田', 'イケダ', 35], ['橋本', 'ハシモト', 35], ['阿部', 'アベ', 35],
  ['石川', 'イシカワ', 32], ['山下', 'ヤマシタ', 31], ['中島', 'ナカジマ', 31], ['石井', 'イシイ', 30], ['小川', 'オガワ', 30],
  ['前田', 'マエダ', 30], ['岡田', 'オカダ', 29], ['長谷川', 'ハセガワ', 29], ['藤田', 'フジタ', 29], ['後藤', 'ゴトウ', 28],
  ['近藤', 'コンドウ', 28], ['村上', 'ムラカミ', 26], ['遠藤', 'エンドウ', 25], ['青木', 'アオキ', 25], ['坂本', 'サカモト', 24],
  ['福田', 'フクダ', 24], ['太田', 'オオタ', 24], ['西村', 'ニシムラ', 23], ['藤井', 'フジイ', 23], ['金子', 'カネコ', 22],
  ['原田', 'ハラダ', 21], ['中川', 'ナカガワ', 21], ['原', 'ハラ', 19], ['上田', 'ウエダ', 19], ['五十嵐', 'イガラシ', 13],
  ['関', 'セキ', 12], ['東', 'アズマ', 12], ['辻', 'ツジ', 10], ['堀', 'ホリ', 9], ['岡', 'オカ', 6], ['泉', 'イズミ', 5],
  ['谷', 'タニ', 5], ['南', 'ミナミ', 4], ['西', 'ニシ', 4], ['李', 'リ', 2], ['金', 'キム', 2], ['王', 'オウ', 1], ['朴', 'パク', 1],
  ['崔', 'チェ', 1], ['東海林', 'ショウジ', 1], ['御手洗', 'ミタライ', 1], ['勅使河原', 'テシガワラ', 1],
]

/** Kanji of the long tail (a third of the people), two at a time, each with its reading. */
const TAIL: [string, string][] = [
  ['大', 'オオ'], ['小', 'コ'], ['上', 'カミ'], ['下', 'シモ'], ['川', 'カワ'], ['野', 'ノ'], ['沢', 'サワ'], ['宮', 'ミヤ'],
  ['島', 'シマ'], ['浜', 'ハマ'], ['竹', 'タケ'], ['松', 'マツ'], ['杉', 'スギ'], ['桜', 'サクラ'], ['石', 'イシ'], ['岩', 'イワ'],
  ['片', 'カタ'], ['平', 'ヒラ'], ['永', 'ナガ'], ['長', 'ナガ'], ['新', 'ニイ'], ['古', 'フル'], ['今', 'イマ'], ['北', 'キタ'],
  ['早', 'ハヤ'], ['白', 'シラ'], ['黒', 'クロ'], ['赤', 'アカ'], ['青', 'アオ'], ['緑', 'ミドリ'], ['春', 'ハル'], ['秋', 'アキ'],
  ['菅', 'スガ'], ['萩', 'ハギ'], ['梅', 'ウメ'], ['藤', 'フジ'], ['花', 'ハナ'], ['奥', 'オク'], ['丸', 'マル'], ['畑', 'ハタ'],
]

const GIVEN: [string, string][] = [
  ['太郎', 'タロウ'], ['花子', 'ハナコ'], ['一郎', 'イチロウ'], ['美咲', 'ミサキ'], ['健太', 'ケンタ'], ['結衣', 'ユイ'], ['翔太', 'ショウタ'],
  ['陽菜', 'ヒナ'], ['大輔', 'ダイスケ'], ['さくら', 'サクラ'], ['蓮', 'レン'], ['葵', 'アオイ'], ['陸', 'リク'], ['凛', 'リン'],
  ['誠', 'マコト'], ['愛', 'アイ'], ['翔', 'ショウ'], ['光', 'ヒカル'], ['美智子', 'ミチコ'], ['由美子', 'ユミコ'], ['健太郎', 'ケンタロウ'],
  ['直樹', 'ナオキ'], ['恵', 'メグミ'], ['裕子', 'ユウコ'], ['拓也', 'タクヤ'], ['彩', 'アヤ'], ['大和', 'ヤマト'], ['芽衣', 'メイ'],
  ['悠真', 'ユウマ'], ['七海', 'ナナミ'], ['和也', 'カズヤ'], ['真由美', 'マユミ'], ['浩', 'ヒロシ'], ['明美', 'アケミ'], ['隆', 'タカシ'],
  ['あかり', 'アカリ'], ['ひなた', 'ヒナタ'], ['つばさ', 'ツバサ'], ['ゆい', 'ユイ'], ['みずき', 'ミズキ'],
]

/** Statuses by share per 100: most applications are long decided. */
const STATUSES: [string, number][] = [
  ['APPROVED', 58], ['DRAFT', 16], ['DENIED', 8], ['IN_REVIEW', 9], ['SUBMITTED', 4], ['VERIFYING', 3], ['ENHANCED_REVIEW', 2],
]

const DOMAINS = ['gmail.com', 'yahoo.co.jp', 'icloud.com', 'outlook.jp', 'docomo.ne.jp', 'ezweb.ne.jp', 'example.co.jp', 'nifty.com']

const slots = <T>(weighted: [T, number][]) => weighted.flatMap(([value, weight]) => Array.from({ length: weight }, () => value))

export async function seedApplications(pool: pg.Pool, rows: number) {
  const started = performance.now()
  const family = slots(FAMILY.map(([name, kana, weight]) => [[name, kana] as const, weight]))
  const client = await pool.connect()
  try {
    await client.query(`SET maintenance_work_mem = '256MB'`)
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
        WHERE i.tablename = 'applications' AND NOT x.indisunique`,
    )
    for (const index of indexes) await client.query(`DROP INDEX "${index.indexname}"`)

    const insertStarted = performance.now()
    await client.query(
      `INSERT INTO applications (id, reference, flow, status, version, answers, created_at, updated_at, submitted_at,
                                 account_sid, verified_account_sid, login_email, contact_email, full_name, full_name_kana)
       SELECT gen_random_uuid(),
              'KYC-' || to_char(created AT TIME ZONE 'Asia/Tokyo', 'YYYYMMDD') || '-' || lpad(i::text, 7, '0'),
              flow::"ApplicationFlow", status::"ApplicationStatus", 1, '{}'::jsonb, created, created + interval '20 minutes',
              CASE WHEN status = 'DRAFT' THEN NULL ELSE created + interval '12 minutes' END,
              CASE WHEN status = 'DRAFT' AND h3 % 4 = 0 THEN NULL ELSE 'AC' || md5(i::text) END,
              CASE WHEN flow = 'LINK_VERIFIED' THEN 'AC' || md5((i + 1)::text) END,
              CASE WHEN status = 'DRAFT' AND h3 % 4 = 0 THEN NULL ELSE 'u' || substr(md5('l' || i), 1, 8) || '@' || ($6::text[])[1 + h2 % array_length($6, 1)] END,
              CASE WHEN status = 'DRAFT' AND h3 % 4 = 0 THEN NULL ELSE 'c' || substr(md5('c' || i), 1, 8) || '@' || ($6::text[])[1 + h3 % array_length($6, 1)] END,
              CASE WHEN named THEN family || ' ' || ($4::text[])[1 + h2 % array_length($4, 1)] END,
              CASE WHEN named THEN family_kana || ' ' || ($5::text[])[1 + h2 % array_length($5, 1)] END
         FROM generate_series(1, $1::int) AS i,
              LATERAL (SELECT abs(hashint4(i)) AS h1, abs(hashint4(i + 1000003)) AS h2, abs(hashint4(i + 2000003)) AS h3) AS h,
              LATERAL (SELECT now() - (i * (interval '1095 days' / $1::int)) - (h1 % 600) * interval '1 second' AS created,
                              ($7::text[])[1 + h3 % array_length($7, 1)] AS status,
                              CASE WHEN h1 % 10 = 0 THEN 'LINK_VERIFIED' ELSE 'FIRST_TIME' END AS flow) AS t,
              LATERAL (SELECT NOT (status = 'DRAFT' AND h3 % 5 < 2) AS named,
                              CASE WHEN h1 % 3 = 0 THEN ($8::text[])[1 + h2 % 40] || ($8::text[])[1 + h3 % 40]
                                   ELSE ($2::text[])[1 + h1 % array_length($2, 1)] END AS family,
                              CASE WHEN h1 % 3 = 0 THEN ($9::text[])[1 + h2 % 40] || ($9::text[])[1 + h3 % 40]
                                   ELSE ($3::text[])[1 + h1 % array_length($3, 1)] END AS family_kana) AS n`,
      [
        rows,
        family.map(([name]) => name),
        family.map(([, kana]) => kana),
        GIVEN.map(([name]) => name),
        GIVEN.map(([, kana]) => kana),
        DOMAINS,
        slots(STATUSES),
        TAIL.map(([kanji]) => kanji),
        TAIL.map(([, kana]) => kana),
      ],
    )
    const indexStarted = performance.now()
    for (const index of indexes) await client.query(index.indexdef)
    const analyzeStarted = performance.now()
    await client.query('ANALYZE applications')
    const done = performance.now()
    return {
      seconds: (done - started) / 1000,
      insertSeconds: (indexStarted - insertStarted) / 1000,
      indexSeconds: (analyzeStarted - indexStarted) / 1000,
      analyzeSeconds: (done - analyzeStarted) / 1000,
    }
  } finally {
    client.release()
  }
}
