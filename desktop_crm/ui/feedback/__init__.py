"""Feedback capture on the customer record: satisfaction answers, complaints, orders,
contracts with their instalments and receipts, and the return visit's answer."""
