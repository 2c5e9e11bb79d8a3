"""The plain-text words every view shares (the app's screens and the commands): the now board,
the agenda rows, the rooms board, the chair screen, how late the day runs, what changed.
Pure: a timeline and an instant in, strings out."""
