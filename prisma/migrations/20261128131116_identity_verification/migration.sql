-- CreateEnum
CREATE TYPE "VerificationStatus" AS ENUM ('PENDING', 'STARTED', 'SUBMITTED', 'APPROVED', 'DENIED', 'EXPIRED');

-- CreateTable
CREATE TABLE "verifications" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_reference" TEXT NOT NULL,
    "method" TEXT,
    "document_type" TEXT,
    "status" "VerificationStatus" NOT NULL DEFAULT 'PENDING',
    "url" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "submitted_at" TIMESTAMPTZ(3),
    "decided_at" TIMESTAMPTZ(3),
    "result" JSONB,

    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_receipts" (
    "id" BIGSERIAL NOT NULL,
    "provider" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSONB NOT NULL,

    CONSTRAINT "webhook_receipts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_ekyc_sessions" (
    "id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "comparing" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "method" TEXT,
    "document_type" TEXT,
    "uploads" JSONB NOT NULL DEFAULT '{}',
    "details" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sandbox_ekyc_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "verifications_application_id_created_at_idx" ON "verifications"("application_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "verifications_provider_provider_reference_key" ON "verifications"("provider", "provider_reference");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_receipts_provider_event_id_key" ON "webhook_receipts"("provider", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_ekyc_sessions_token_hash_key" ON "sandbox_ekyc_sessions"("token_hash");

-- AddForeignKey
ALTER TABLE "verifications" ADD CONSTRAINT "verifications_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
