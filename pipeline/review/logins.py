"""Signed-in browsers of the reviewers' app: server-side sessions and login throttling.

The cookie carries a random token; the database keeps only its SHA-256, the user, a
per-session CSRF token and two clocks. A session ends after an idle hour or ten hours in
all (a working day), on logout, or when its user is disabled. Failed logins are audit
events; after ``MAX_FAILURES`` for one name within ``FAILURE_WINDOW`` that name is locked
for the rest of the window, so passwords cannot be guessed from the login form.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from pipeline.store import audit
from pipeline.store.models import AuditEvent, LoginSession, User
from pipeline.store.rights import Reader
from pipeline.store.users import authenticate

IDLE_LIMIT = timedelta(hours=1)
SESSION_LIMIT = timedelta(hours=10)
TOUCH_EVERY = timedelta(minutes=1)  # last_seen is written at most this often
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def _aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; they were stored in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Viewer:
    """Who is looking, as the request handlers need it (no ORM object leaves the
    request's database session)."""

    user_id: int
    name: str
    role: str
    csrf: str
    last_seen: datetime | None = None
    cleared: bool = False  # 涉密人员 (see pipeline.store.rights)

    @property
    def reader(self) -> Reader:
        """The viewer as the document rights see them."""
        return Reader(self.user_id, self.name, self.role, self.cleared)

    @property
    def needs_touch(self) -> bool:
        """Whether the session's idle clock should be written (at most once a minute)."""
        return self.last_seen is None or datetime.now(UTC) - self.last_seen > TOUCH_EVERY


@dataclass(frozen=True)
class Attempt:
    """A checked login: the user's id if name and password match, else why not."""

    name: str
    user_id: int | None = None
    refusal: str = ""
    locked: bool = False


@dataclass(frozen=True)
class SignIn:
    """A login's outcome: the cookie token and viewer, or why it was refused."""

    token: str = ""
    viewer: Viewer | None = None
    refusal: str = ""


def check_login(session: Session, name: str, password: str) -> Attempt:
    """Check name and password (argon2, deliberately slow) in a read transaction, so
    hashing never holds the database's write lock; the outcome is recorded by
    ``record_login``. A wrong name and a wrong password give the same refusal."""
    name = name.strip()[:64]
    since = (datetime.now(UTC) - FAILURE_WINDOW).isoformat(timespec="microseconds")
    failures = session.scalar(
        select(func.count())
        .select_from(AuditEvent)
        .where(AuditEvent.action == "login_failed", AuditEvent.actor == name)
        .where(AuditEvent.at >= since)
    )
    if (failures or 0) >= MAX_FAILURES:
        minutes = FAILURE_WINDOW.seconds // 60
        return Attempt(
            name,
            refusal=f"该用户连续登录失败 {MAX_FAILURES} 次，已锁定 {minutes} 分钟",
            locked=True,
        )
    user = authenticate(session, name, password)
    if user is None:
        return Attempt(name, refusal="用户名或密码错误，或账号已停用")
    return Attempt(name, user_id=user.id)


def record_login(session: Session, attempt: Attempt) -> SignIn:
    """Audit the attempt and, if it succeeded, open a session (a write transaction)."""
    if attempt.user_id is None:
        audit.record(session, attempt.name, "login_locked" if attempt.locked else "login_failed")
        return SignIn(refusal=attempt.refusal)
    user = session.get(User, attempt.user_id)
    if user is None or not user.active:
        return SignIn(refusal="用户名或密码错误，或账号已停用")
    oldest = datetime.now(UTC) - SESSION_LIMIT
    session.execute(
        delete(LoginSession)
        .where(LoginSession.user_id == user.id)
        .where(LoginSession.created_at < oldest)
    )
    token = secrets.token_urlsafe(32)
    row = LoginSession(token_hash=_hash(token), user_id=user.id, csrf=secrets.token_urlsafe(32))
    session.add(row)
    audit.record(session, user.name, "login", None, {})
    return SignIn(token, Viewer(user.id, user.name, user.role, row.csrf, cleared=user.cleared))


def _expired(row: LoginSession, now: datetime) -> bool:
    return now - _aware(row.last_seen) > IDLE_LIMIT or now - _aware(row.created_at) > SESSION_LIMIT


def lookup(session: Session, token: str | None) -> Viewer | None:
    """The viewer a cookie token belongs to, or None when it is unknown, expired or its
    user disabled. Reads only."""
    if not token:
        return None
    row = session.get(LoginSession, _hash(token))
    if row is None or _expired(row, datetime.now(UTC)) or not row.user.active:
        return None
    user: User = row.user
    return Viewer(user.id, user.name, user.role, row.csrf, _aware(row.last_seen), user.cleared)


def touch(session: Session, token: str) -> None:
    """Move the session's idle clock (a write; expired rows are deleted instead)."""
    row = session.get(LoginSession, _hash(token))
    if row is None:
        return
    now = datetime.now(UTC)
    if _expired(row, now):
        session.delete(row)
    else:
        row.last_seen = now


def sign_out(session: Session, token: str | None) -> None:
    if token:
        row = session.get(LoginSession, _hash(token))
        if row is not None:
            audit.record(session, row.user.name, "logout", None, {})
            session.delete(row)


def end_sessions_of(session: Session, user_id: int) -> None:
    """Sign a user out everywhere (after disabling the account or changing its role)."""
    session.execute(delete(LoginSession).where(LoginSession.user_id == user_id))


def csrf_matches(viewer: Viewer, submitted: str | None) -> bool:
    return bool(submitted) and secrets.compare_digest(viewer.csrf, str(submitted))
