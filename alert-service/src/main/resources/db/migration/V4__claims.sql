-- Replicas on one database claim outbox events and webhook deliveries before they send them: a claim
-- is the replica's id and a lease expiry, so two replicas never send the same row, and the rows of a
-- replica that died while holding them become claimable again once the lease runs out.
ALTER TABLE outbox ADD COLUMN lease_owner text, ADD COLUMN lease_until timestamptz;
ALTER TABLE webhook_deliveries ADD COLUMN lease_owner text, ADD COLUMN lease_until timestamptz;
