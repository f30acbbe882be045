-- Status webhooks are queued only by connections of an instance that sends them: the API sets
-- kakunin.status_webhooks = 'on' on its pool's connections when STATUS_WEBHOOK_URL is configured.
-- Without a URL nothing would ever send them, and the rows piled up PENDING forever. The status
-- change itself stays recorded as its event either way.
CREATE OR REPLACE FUNCTION "queue_status_webhook"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('kakunin.status_webhooks', true), '') <> 'on' THEN
    RETURN NEW;
  END IF;
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

-- The rows queued so far with no sender: on a deployment that never had one, no row was ever
-- attempted (a configured worker claims a due row within its poll interval, 60 s at most). Only
-- there are they marked, and only those never attempted an hour after they were queued: a
-- deployment whose sender was merely down keeps its rows PENDING, to be sent when it is back.
-- They stay (nothing is deleted), marked as not sent and why; an admin can still re-drive one once
-- a URL is configured (POST /api/staff/outbox/webhooks/:id/redrive).
UPDATE "outbox_webhooks"
   SET "status" = 'FAILED',
       "last_error" = 'not sent: no STATUS_WEBHOOK_URL was configured when it was queued'
 WHERE "status" = 'PENDING' AND "attempts" = 0 AND "created_at" < now() - interval '1 hour'
   AND NOT EXISTS (SELECT 1 FROM "outbox_webhooks" AS "tried" WHERE "tried"."attempts" > 0 OR "tried"."status" <> 'PENDING');
