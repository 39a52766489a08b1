"""The call log in the GUI: the Log-a-call dialog and the Calls page across customers."""
