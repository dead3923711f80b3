"""Accounts: names, roles and argon2 password hashes."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from pipeline.store import audit
from pipeline.store.models import User
from pipeline.store.workflow import ROLES, WorkflowError

_HASHER = PasswordHasher()
MIN_PASSWORD = 8


def add_user(session: Session, name: str, role: str, password: str | None, actor: str) -> User:
    name = name.strip()
    if not name or len(name) > 64:
        raise WorkflowError("用户名须为 1–64 个字符")
    if role not in ROLES:
        raise WorkflowError(f"角色须为 {'、'.join(ROLES)} 之一，而不是 {role!r}")
    if password is not None and len(password) < MIN_PASSWORD:
        raise WorkflowError(f"密码至少 {MIN_PASSWORD} 个字符")
    if find_user(session, name) is not None:
        raise WorkflowError(f"用户 {name} 已存在")
    user = User(name=name, role=role, password_hash=_HASHER.hash(password) if password else None)
    session.add(user)
    session.flush()
    audit.record(session, actor, "add_user", None, {"user": name, "role": role})
    return user


def find_user(session: Session, name: str) -> User | None:
    return session.scalars(select(User).where(User.name == name)).first()


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The active user with this name and password, or None (same answer for a wrong
    name and a wrong password)."""
    user = find_user(session, name)
    if user is None or not user.active or not user.password_hash:
        _HASHER.hash(password)  # spend the same time either way
        return None
    try:
        _HASHER.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    return user
