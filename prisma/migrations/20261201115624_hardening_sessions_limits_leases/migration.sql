-- AlterTable
ALTER TABLE "applicant_sessions" ADD COLUMN     "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "revoked_at" TIMESTAMPTZ(3),
ADD COLUMN     "revoked_reason" TEXT;

-- AlterTable
ALTER TABLE "outbox_emails" ADD COLUMN     "lease_id" UUID,
ADD COLUMN     "redrive_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "redriven_at" TIMESTAMPTZ(3),
ADD COLUMN     "redriven_by_id" UUID;

-- AlterTable
ALTER TABLE "outbox_webhooks" ADD COLUMN     "lease_id" UUID,
ADD COLUMN     "redrive_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "redriven_at" TIMESTAMPTZ(3),
ADD COLUMN     "redriven_by_id" UUID;

-- AlterTable
ALTER TABLE "sandbox_ekyc_sessions" ADD COLUMN     "review_attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "review_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "review_last_error" TEXT,
ADD COLUMN     "review_locked_until" TIMESTAMPTZ(3),
ADD COLUMN     "reviewed_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" TEXT NOT NULL,
    "hits" INTEGER NOT NULL,
    "window_ends_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "rate_limits_window_ends_at_idx" ON "rate_limits"("window_ends_at");

-- CreateIndex
CREATE INDEX "sandbox_ekyc_sessions_reviewed_at_review_due_at_idx" ON "sandbox_ekyc_sessions"("reviewed_at", "review_due_at");
