-- Overdue reminders read the cases not sent to a unit within 1 working day through this partial index
-- (worker/notices/reminders.ts, LATE_ORGS_SQL), never a table scan.
CREATE INDEX `complaints_unrouted_forward_due` ON `complaints` (`forward_due_on`,`org_id`) WHERE status = 'received' and unit_id is null;
