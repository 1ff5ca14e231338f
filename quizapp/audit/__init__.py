"""The audit log: who changed grades or trust (approvals, edits, regrades, roles, removals), and when.

It sits just above ``auth`` in the import order: classes, bank, quizzes and
attempts write to it inside their own transactions, and so do auth's admin
pages and `flask users` command (through ``audit.accounts``), which are the top
of that feature; ``auth``'s models and services never import it.
"""
