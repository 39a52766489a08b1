"""The customer record page: the form, the owner and reveal actions, and the timeline."""
