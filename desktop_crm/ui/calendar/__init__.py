"""The reminder calendar: month grid, week view, agenda and the page holding them."""
