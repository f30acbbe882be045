-- CreateTable
CREATE TABLE "outbox_webhooks" (
    "id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "application_id" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_webhooks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_webhooks_status_next_attempt_at_idx" ON "outbox_webhooks"("status", "next_attempt_at");

-- Every status change of an application becomes an outbound event in the same transaction.
CREATE FUNCTION "queue_status_webhook"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "outbox_webhooks" ("id", "event_type", "application_id", "payload")
  VALUES (
    gen_random_uuid(),
    'application.status_changed',
    NEW."id",
    jsonb_build_object(
      'type', 'application.status_changed',
      'applicationId', NEW."id",
      'reference', NEW."reference",
      'flow', NEW."flow",
      'from', OLD."status",
      'to', NEW."status",
      'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    )
  );
  RETURN NEW;
END
$$;

CREATE TRIGGER "applications_status_webhook"
  AFTER UPDATE OF "status" ON "applications"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION "queue_status_webhook"();

CREATE TRIGGER "outbox_webhooks_no_delete" BEFORE DELETE ON "outbox_webhooks" FOR EACH ROW EXECUTE FUNCTION "reject_evidence_change"();
