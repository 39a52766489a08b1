"""The satisfaction dashboard and the Reports page (PDF) in the GUI."""
