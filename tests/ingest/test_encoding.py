"""The byte sniffing of `ingest.encoding`: its fast paths give the answers of a byte-by-byte count."""

from __future__ import annotations

import pytest

from newsevents.ingest.encoding import CONTROL_SHARE, binary_or_wide, wide_encoding


def test_text_without_zero_bytes_is_never_wide() -> None:
    assert wide_encoding(b"Rebels shelled the town, officials said.\n") is None
    assert wide_encoding("Kyiv — «Ukrainian» forces".encode()) is None


def test_zero_padded_text_is_still_wide() -> None:
    found = wide_encoding("Rebels shelled the town".encode("utf-16-le"))
    assert found == "UTF-16 LE, without a byte-order mark"


@pytest.mark.parametrize("control", [1, 8, 11, 14, 27, 31])
def test_control_bytes_count_up_to_the_share(control: int) -> None:
    """Exactly at the share is text; one control byte more is binary (tab, newline, FF, CR never count)."""
    size = 1000
    allowed = int(size * CONTROL_SHARE)
    plain = b"\t\n\x0c\r" * 10 + b"a" * (size - 40 - allowed)
    assert binary_or_wide("x", plain + bytes([control]) * allowed) is None
    problem = binary_or_wide("x", plain[:-1] + bytes([control]) * (allowed + 1))
    assert problem is not None and problem.code == "E102"
