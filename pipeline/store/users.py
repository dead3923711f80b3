"""Accounts: names, roles, clearance (涉密人员, see ``rights``) and argon2 password hashes.
Every change is an audit event."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from pipeline.store import audit
from pipeline.store.models import LoginSession, User
from pipeline.store.workflow import ROLES, WorkflowError

_HASHER = PasswordHasher()
MIN_PASSWORD = 8


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise WorkflowError(f"角色须为 {'、'.join(ROLES)} 之一，而不是 {role!r}")


def add_user(
    session: Session,
    name: str,
    role: str,
    password: str | None,
    actor: str,
    *,
    cleared: bool = False,
) -> User:
    name = name.strip()
    if not name or len(name) > 64:
        raise WorkflowError("用户名须为 1–64 个字符")
    _check_role(role)
    if password is not None and len(password) < MIN_PASSWORD:
        raise WorkflowError(f"密码至少 {MIN_PASSWORD} 个字符")
    if find_user(session, name) is not None:
        raise WorkflowError(f"用户 {name} 已存在")
    user = User(
        name=name,
        role=role,
        password_hash=_HASHER.hash(password) if password else None,
        cleared=cleared,
    )
    session.add(user)
    session.flush()
    audit.record(session, actor, "add_user", None, {"user": name, "role": role, "cleared": cleared})
    return user


def set_user(
    session: Session,
    name: str,
    actor: str,
    *,
    role: str | None = None,
    cleared: bool | None = None,
    active: bool | None = None,
) -> User:
    """Change an account's role, clearance or whether it may sign in; the change takes
    effect on the user's next request (rights are read from the database each time).
    Disabling an account ends its sessions."""
    user = find_user(session, name.strip())
    if user is None:
        raise WorkflowError(f"用户 {name} 不存在")
    changed: dict[str, object] = {}
    if role is not None and role != user.role:
        _check_role(role)
        changed["role"] = [user.role, role]
        user.role = role
    if cleared is not None and cleared != user.cleared:
        changed["cleared"] = [user.cleared, cleared]
        user.cleared = cleared
    if active is not None and active != user.active:
        changed["active"] = [user.active, active]
        user.active = active
        if not active:
            session.execute(delete(LoginSession).where(LoginSession.user_id == user.id))
    if changed:
        session.flush()
        audit.record(session, actor, "set_user", None, {"user": user.name, **changed})
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
