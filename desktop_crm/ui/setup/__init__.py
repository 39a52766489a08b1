"""First run: the set-up wizard that creates a vault and its first administrator."""
