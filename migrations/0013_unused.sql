-- Number 0013 was reserved for a branch that never landed. This no-op keeps the numbering contiguous, so
-- drizzle-kit (which names a new migration by the number of journal entries) never reuses a number.
SELECT 1;
