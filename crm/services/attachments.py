"""Files attached to register entries: kept in the database, once per content (SHA-256).

Adding a file stores its content first (``store_file``); the entry's save then links it by hash
with the name it had, so a file added to an entry that is never saved links to nothing.
Content stays when its last link goes: undoing a removal brings the link back.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm.db.database import Database
from crm.db.models import Attachment, AttachmentBlob
from crm.i18n import _
from crm.services.errors import NotFound, ValidationError
from crm.services.lengths import max_length

MAX_BYTES = 100 * 1024 * 1024  # beyond this the database file grows unwieldy for one letter
FIELD = "attachments"


@dataclass(frozen=True)
class AttachmentRef:
    """An attachment as an entry's input: the stored content and the name to show."""

    sha256: str
    filename: str
    mime_type: str | None = None
    size: int = 0


@dataclass(frozen=True)
class AttachmentView:
    id: int
    sha256: str
    filename: str
    mime_type: str | None
    size: int
    added_at: datetime

    def ref(self) -> AttachmentRef:
        return AttachmentRef(self.sha256, self.filename, self.mime_type, self.size)


def _clean_name(name: str) -> str:
    """A file name safe to write anywhere: no folders, no characters Windows refuses."""
    base = re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", Path(name).name).strip(" .")
    limit = max_length(Attachment, "filename") or 300
    if len(base) > limit:
        stem, suffix = Path(base).stem, Path(base).suffix
        base = stem[: limit - len(suffix)] + suffix
    return base or "attachment"


def store_blob(session: Session, data: bytes) -> str:
    """Keep ``data`` unless the same content is stored already; returns its SHA-256."""
    digest = hashlib.sha256(data).hexdigest()
    if session.get(AttachmentBlob, digest) is None:
        session.add(AttachmentBlob(sha256=digest, size=len(data), data=data))
        session.flush()
    return digest


def store_file(db: Database, path: str | Path) -> AttachmentRef:
    """Read a file into the database; the ref goes into an entry's ``attachments``."""
    source = Path(path)
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            message = _("“{name}” is larger than 100 MB; attach a smaller file.")
            raise ValidationError({FIELD: message.format(name=source.name)})
        data = source.read_bytes()
    except OSError as error:
        message = _("“{name}” cannot be read: {reason}")
        raise ValidationError(
            {FIELD: message.format(name=source.name, reason=error.strerror or error)}
        ) from None
    session = db.write_session()
    try:
        digest = store_blob(session, data)
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    mime_type, _encoding = mimetypes.guess_type(source.name)
    return AttachmentRef(digest, _clean_name(source.name), mime_type, len(data))


def has_blob(session: Session, digest: str) -> bool:
    return session.scalar(select(func.count()).where(AttachmentBlob.sha256 == digest)) == 1


def views(session: Session, correspondence_id: int) -> list[AttachmentView]:
    rows = session.execute(
        select(Attachment, AttachmentBlob.size)
        .join(AttachmentBlob, AttachmentBlob.sha256 == Attachment.sha256)
        .where(Attachment.correspondence_id == correspondence_id)
        .order_by(Attachment.id)
    ).tuples()
    return [
        AttachmentView(a.id, a.sha256, a.filename, a.mime_type, size, a.added_at)
        for a, size in rows
    ]


def set_links(session: Session, correspondence_id: int, refs: list[AttachmentRef]) -> None:
    """Make the entry's attachments exactly ``refs`` (by hash and name; order of adding)."""
    existing = list(
        session.scalars(
            select(Attachment)
            .where(Attachment.correspondence_id == correspondence_id)
            .order_by(Attachment.id)
        )
    )
    wanted = [(ref.sha256, _clean_name(ref.filename), ref.mime_type) for ref in refs]
    for attachment in existing:
        key = (attachment.sha256, attachment.filename, attachment.mime_type)
        if key in wanted:
            wanted.remove(key)
        else:
            session.delete(attachment)
    for digest, filename, mime_type in wanted:
        session.add(
            Attachment(
                sha256=digest,
                filename=filename,
                mime_type=mime_type,
                correspondence_id=correspondence_id,
            )
        )


def file_data(db: Database, attachment_id: int) -> tuple[str, bytes]:
    """The attachment's name and content."""
    with db.read() as session:
        attachment = session.get(Attachment, attachment_id)
        if attachment is None:
            raise NotFound(_("This attachment no longer exists."))
        data = session.scalar(
            select(AttachmentBlob.data).where(AttachmentBlob.sha256 == attachment.sha256)
        )
        if data is None:
            raise NotFound(_("This attachment no longer exists."))
        return attachment.filename, data


def blob_data(db: Database, digest: str) -> bytes:
    with db.read() as session:
        data = session.scalar(select(AttachmentBlob.data).where(AttachmentBlob.sha256 == digest))
    if data is None:
        raise NotFound(_("This attachment no longer exists."))
    return data


def write_temp_copy(filename: str, data: bytes) -> Path:
    """A copy under its own name in a new private temporary folder, for a viewer to open."""
    folder = Path(tempfile.mkdtemp(prefix="liaison-"))
    target = folder / _clean_name(filename)
    target.write_bytes(data)
    return target


def copy_to_temp(db: Database, attachment_id: int) -> Path:
    filename, data = file_data(db, attachment_id)
    return write_temp_copy(filename, data)


def ref_to_temp(db: Database, ref: AttachmentRef) -> Path:
    """A temporary copy of a file added but not saved yet (opened from the editor)."""
    return write_temp_copy(ref.filename, blob_data(db, ref.sha256))
