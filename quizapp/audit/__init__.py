"""The audit log: who changed grades or trust (approvals, edits, regrades, roles, removals), and when.

It sits below every feature: auth, classes, bank, quizzes and attempts write to
it inside their own transactions. Of the features it imports only the account
row (``auth.models``) and the role names (``auth.roles``), to name who did what
and to decide who may read which event.
"""
