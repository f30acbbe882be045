-- AlterTable
ALTER TABLE "applications" ADD COLUMN     "account_sid" TEXT,
ADD COLUMN     "answers" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "contact_email" TEXT,
ADD COLUMN     "full_name" TEXT,
ADD COLUMN     "full_name_kana" TEXT,
ADD COLUMN     "login_email" TEXT,
ADD COLUMN     "resume_at" TEXT,
ADD COLUMN     "submitted_at" TIMESTAMPTZ(3),
ADD COLUMN     "verified_account_sid" TEXT;

-- CreateTable
CREATE TABLE "applicant_sessions" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "applicant_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "applicant_sessions_token_hash_key" ON "applicant_sessions"("token_hash");

-- CreateIndex
CREATE INDEX "applicant_sessions_application_id_idx" ON "applicant_sessions"("application_id");

-- CreateIndex
CREATE INDEX "applications_account_sid_idx" ON "applications"("account_sid");

-- AddForeignKey
ALTER TABLE "applicant_sessions" ADD CONSTRAINT "applicant_sessions_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
