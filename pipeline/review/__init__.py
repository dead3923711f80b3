"""The review workflow (states, decisions, approvals) and, next, the reviewers' web app."""
