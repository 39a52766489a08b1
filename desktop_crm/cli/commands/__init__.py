"""One module per command group; each adds its sub-commands to the parser."""
