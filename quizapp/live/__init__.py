"""Live classroom mode: the whole class answers the same question at the same time (issue #22).

``models`` the session, its participants and their answers; ``scoring`` (pure) points, leaderboards and answer
shares; ``clock`` (pure) what the server's clock says of a question; ``services`` the state machine on an explicit
session; ``views`` the projector, the phones and the tiny state endpoint they poll.
"""
