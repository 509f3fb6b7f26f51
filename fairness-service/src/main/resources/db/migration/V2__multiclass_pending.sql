-- Multiclass batches awaiting labels also keep each row's predicted class and whether it equals
-- the label: the binarised labels column cannot tell a right prediction of another class from a
-- wrong one, and accuracy needs to (labels.PendingPredictions). Null for binary batches.
ALTER TABLE pending_predictions ADD COLUMN predicted_classes bytea;
ALTER TABLE pending_predictions ADD COLUMN correct bytea;
ALTER TABLE pending_predictions ALTER COLUMN predicted_classes SET STORAGE EXTERNAL;
