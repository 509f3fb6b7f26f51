"""Upload bodies: a pandas DataFrame or a CSV file, streamed as gzip CSV.

A body is rendered anew on every iteration, so a retry sends exactly the bytes of the first attempt
without the whole upload ever being held in memory.
"""

from __future__ import annotations

import os
import zlib
from typing import Iterator, Union

import pandas as pd

GZIP_MAGIC = b"\x1f\x8b"
FILE_BLOCK = 1 << 20
DEFAULT_CHUNK_ROWS = 20_000

Data = Union[pd.DataFrame, str, "os.PathLike[str]"]


class CsvBody:
    """An upload body that can be iterated more than once, each time yielding the same gzip bytes."""

    content_type = "text/csv; charset=utf-8"
    content_encoding = "gzip"

    def __init__(self, data: Data, chunk_rows: int = DEFAULT_CHUNK_ROWS):
        if chunk_rows < 1:
            raise ValueError("chunk_rows must be at least 1")
        self._chunk_rows = chunk_rows
        self._frame = None
        self._path = None
        if isinstance(data, pd.DataFrame):
            self._frame = data
        elif isinstance(data, (str, os.PathLike)):
            path = os.fspath(data)
            if not os.path.isfile(path):
                raise FileNotFoundError(f"no CSV file {path}")
            self._path = path
        else:
            raise TypeError(f"expected a pandas DataFrame or the path of a CSV file, got {type(data).__name__}")

    def __iter__(self) -> Iterator[bytes]:
        if self._frame is not None:
            return _gzip(self._frame_text())
        if _is_gzip(self._path):
            return self._file_blocks()  # already compressed: sent as it is
        return _gzip(self._file_blocks())

    def description(self) -> str:
        if self._frame is not None:
            return f"DataFrame of {len(self._frame)} rows"
        return self._path

    def _frame_text(self) -> Iterator[bytes]:
        frame = self._frame
        # index=False: the index is pandas' row numbering, not a column of the model. NaN is written as an
        # empty field, which the platform reads as missing; an integer column holding NaN is written as
        # floats ("1.0"), which the platform matches to the class "1".
        if len(frame) == 0:
            yield frame.to_csv(index=False).encode("utf-8")
            return
        for start in range(0, len(frame), self._chunk_rows):
            part = frame.iloc[start:start + self._chunk_rows]
            yield part.to_csv(index=False, header=start == 0).encode("utf-8")

    def _file_blocks(self) -> Iterator[bytes]:
        with open(self._path, "rb") as f:
            while True:
                block = f.read(FILE_BLOCK)
                if not block:
                    return
                yield block


def _is_gzip(path: str) -> bool:
    with open(path, "rb") as f:
        return f.read(2) == GZIP_MAGIC


def _gzip(pieces: Iterator[bytes]) -> Iterator[bytes]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # 16+: a gzip header and trailer
    for piece in pieces:
        out = compressor.compress(piece)
        if out:
            yield out
    yield compressor.flush()
