/** The operator a production deployment names (個人情報の取り扱い, footers and email signatures). */
export const operatorEnv = {
  OPERATOR_NAME: '株式会社本番通信',
  OPERATOR_URL: 'https://www.honban.example.jp',
  SUPPORT_EMAIL: 'kakunin-support@honban.example.jp',
}

/** What every production deployment sets besides its vendor: its address, an SMTP server and the operator. */
export const productionBaseEnv = {
  NODE_ENV: 'production',
  // Named, as production requires; the apps tests build connect to the database they are given.
  DATABASE_URL: 'postgresql://kakunin@db.example.jp:5432/kakunin',
  PUBLIC_BASE_URL: 'https://kakunin.example.jp',
  SMTP_URL: 'smtp://mail.example.jp:587',
  ...operatorEnv,
}

/** A real eKYC vendor, as production requires one. */
export const trustdockEnv = {
  EKYC_PROVIDER: 'trustdock',
  TRUSTDOCK_API_URL: 'https://api.trustdock.example',
  TRUSTDOCK_API_TOKEN: 'token',
  TRUSTDOCK_PLAN_ID: 'plan',
  TRUSTDOCK_WEBHOOK_SECRET: 'trustdock-webhook-secret-of-32-characters',
  TRUSTDOCK_APP_URL: 'https://app.trustdock.example/verify',
}

/** The least a production deployment sets, quiet and without the SPA. */
export const productionEnv = { ...productionBaseEnv, ...trustdockEnv, LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' }
