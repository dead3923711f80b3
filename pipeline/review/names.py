"""What the review app calls roles, audit actions and notices, in Chinese: the words
every page and template shares, in one place (states: ``store.workflow.STATE_NAMES``)."""

from __future__ import annotations

ROLE_NAMES = {"drafter": "拟稿人", "reviewer": "审核人", "approver": "审批人", "admin": "管理员"}
ACTION_NAMES = {
    "store": "入库",
    "start_review": "开始审核",
    "decide": "审核决定",
    "approve": "审批通过",
    "return": "退回",
    "secrecy_override": "保密审查意见",
    "download": "下载",
    "login": "登录",
    "logout": "退出",
    "login_failed": "登录失败",
    "login_locked": "登录锁定",
    "add_user": "添加用户",
    "set_user": "修改用户",
    "access_refused": "拒绝访问",
    "upload": "上传",
    "replace": "重新提交",
    "new_version": "新版本",
    "dismiss": "不再处理",
    "publish": "发布",
    "withdraw": "取消目录条目",
}
# What a redirect after a successful POST may say: codes, never text from the request.
NOTICES = {
    "decided": "审核决定已保存，等待审批。",
    "next": "上一件的审核决定已保存，等待审批。这是队列中的下一件。",
    "approved": "已审批。",
    "returned": "已退回审核人。",
    "override": "保密审查意见已记录。",
    "signed_out": "您已退出登录。",
    "dismissed": "已记录：此文件不再处理。",
    "withdrawn": "目录条目已取消，公开目录网站已更新。",
    "user_added": "用户已添加。",
}
