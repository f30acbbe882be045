-- Partial, case-insensitive search of names in kanji and kana (staff API) uses trigram indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('VIEWER', 'REVIEWER', 'ADMIN');

-- CreateTable
CREATE TABLE "staff_keys" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),

    CONSTRAINT "staff_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_keys_key_hash_key" ON "staff_keys"("key_hash");

-- CreateIndex
CREATE INDEX "applications_created_at_id_idx" ON "applications"("created_at", "id");

-- CreateIndex
CREATE INDEX "applications_submitted_at_idx" ON "applications"("submitted_at");

-- CreateIndex
CREATE INDEX "applications_verified_account_sid_idx" ON "applications"("verified_account_sid");

-- CreateIndex
CREATE INDEX "applications_login_email_idx" ON "applications"("login_email");

-- CreateIndex
CREATE INDEX "applications_contact_email_idx" ON "applications"("contact_email");

-- CreateIndex
CREATE INDEX "applications_full_name_trgm_idx" ON "applications" USING GIN ("full_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "applications_full_name_kana_trgm_idx" ON "applications" USING GIN ("full_name_kana" gin_trgm_ops);
