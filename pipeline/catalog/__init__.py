"""The disclosure catalog (公开目录): deadlines now; entries and publishing to follow."""
