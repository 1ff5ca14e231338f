"""LTI 1.3 (LTI Advantage): quizapp as a tool inside an LMS."""
