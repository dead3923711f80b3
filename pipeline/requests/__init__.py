"""依申请公开: applications for government information, from intake to the reply letter,
on the clocks of 条例 第四章 (第二十七条–第四十五条)."""
