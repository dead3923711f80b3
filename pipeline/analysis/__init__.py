"""What analysts use from notebooks and the CLI to tune lexicons, thresholds and models."""
