"""An audit key file that cannot be used (issue 18, item 7): every command and the web
app say, in Chinese, which file and why — readable by others, unreadable (no rights, a
folder), impossible to create — and stop with nothing written, never with a traceback."""

from __future__ import annotations

import errno
import io
import pathlib
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from pipeline import cli
from pipeline.review.app import create_app
from pipeline.store.db import open_db
from pipeline.store.models import AuditEvent, User
from pipeline.store.users import add_user
from tests.review.conftest import csrf_of


def _unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A key file its user may not read (tests run as root, who may read anything: the
    refusal the kernel would give is made here)."""
    path.write_text("k" * 64)
    path.chmod(0o600)
    real = pathlib.Path.read_text

    def read_text(self: Path, *args: object, **kwargs: object) -> str:
        if self == path.resolve():
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pathlib.Path, "read_text", read_text)


def _shared(path: Path, _monkeypatch: pytest.MonkeyPatch) -> None:
    path.write_text("k" * 64)
    path.chmod(0o644)


def _folder(path: Path, _monkeypatch: pytest.MonkeyPatch) -> None:
    path.mkdir()


def _blocked(path: Path, _monkeypatch: pytest.MonkeyPatch) -> None:
    path.parent.write_text("a file where the key's folder should be")


# (how the file is made bad, the reason the message must give)
CASES: dict[str, tuple[Callable[[Path, pytest.MonkeyPatch], None], str]] = {
    "others_may_read": (_shared, "的权限过宽（0644），其他用户也可以读取"),
    "no_read_right": (_unreadable, "无法读取（权限不足，运行本程序的用户不能读取它"),
    "a_folder": (_folder, "无法读取（这是一个文件夹，不是文件"),
    "cannot_be_made": (_blocked, "不存在，也无法创建（路径中有一段"),
}


def _key_path(tmp_path: Path, case: str) -> Path:
    return tmp_path / ("blocked" if case == "cannot_be_made" else "keys") / "audit.key"


@pytest.mark.parametrize("case", list(CASES))
def test_every_command_names_the_key_file_and_the_reason(
    case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`triage users add` (any command that writes an event) through the console entry
    point: exit 2, one Chinese line naming the file, no traceback, no user added."""
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    open_db(url).kw["bind"].dispose()  # migrated first, with no events yet
    key = _key_path(tmp_path, case)
    if case != "cannot_be_made":
        key.parent.mkdir()
    make, reason = CASES[case]
    make(key, monkeypatch)
    monkeypatch.delenv("TRIAGE_AUDIT_KEY", raising=False)
    monkeypatch.setenv("TRIAGE_AUDIT_KEY_FILE", str(key))
    monkeypatch.setattr(sys, "stdin", io.StringIO("password-123\n"))
    args = ["triage", "users", "add", "李审核", "--role", "reviewer", "--password-stdin"]
    monkeypatch.setattr(sys, "argv", [*args, "--db", url])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"审计密钥文件 {key.resolve()}" in err and reason in err, err
    assert "Traceback" not in err and "Error" not in err
    factory = open_db(url)
    with factory() as session:  # the user and its event went together, or not at all
        assert session.scalar(select(func.count()).select_from(User)) == 0
        assert session.scalar(select(func.count()).select_from(AuditEvent)) == 0
    factory.kw["bind"].dispose()


def test_the_web_app_answers_with_a_chinese_page_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'review.db'}"
    factory = open_db(url)
    with factory() as session, session.begin():
        add_user(session, "李审核", "reviewer", "correct-horse-1", actor="test")
    factory.kw["bind"].dispose()
    shared = tmp_path / "shared.key"
    shared.write_text("k" * 64)
    shared.chmod(0o644)
    monkeypatch.setenv("TRIAGE_AUDIT_KEY_FILE", str(shared))  # the login writes an event
    client = TestClient(create_app(url, secure_cookies=False), base_url="http://testserver")
    token = csrf_of(client.get("/login").text)
    response = client.post(
        "/login",
        data={"name": "李审核", "password": "correct-horse-1", "csrf": token, "next": "/queue"},
        follow_redirects=False,
    )
    assert response.status_code == 503
    assert "text/html" in response.headers["content-type"]
    assert f"审计密钥文件 {shared.resolve()} 的权限过宽（0644）" in response.text
    assert "本次操作未保存" in response.text and "Traceback" not in response.text
    client.close()
