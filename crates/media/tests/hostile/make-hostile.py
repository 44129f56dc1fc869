#!/usr/bin/env python3
"""Regenerates the made-up hostile files in this folder (Python standard library only).

Every file here must make `inspect()` return an error that names the file, without a panic
and without large allocations. The pillow-* files come from Pillow's test suite (see NOTICE).
"""
import random
import struct
import zlib
from pathlib import Path

here = Path(__file__).resolve().parent
fixtures = here.parent / "fixtures"
real = (fixtures / "pillow" / "hopper.jpg").read_bytes()


def write(name: str, data: bytes) -> None:
    (here / name).write_bytes(data)


def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def with_segment(jpeg: bytes, seg: bytes) -> bytes:
    """The JPEG with `seg` inserted right after SOI."""
    return jpeg[:2] + seg + jpeg[2:]


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


write("zero-bytes.jpg", b"")
write("random-bytes.jpg", random.Random(42).randbytes(4096))
write("text-file.png", b"This is a text file that only pretends to be a PNG.\n" * 8)
write("truncated-half.jpg", real[: len(real) // 2])
write("truncated-in-header.jpg", real[:300])
write("only-soi.jpg", b"\xff\xd8")

# A PNG declaring 100000 x 100000 RGB pixels (30 GB decoded) with a tiny compressed stream.
ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
idat = zlib.compress(b"\0" * 1_000_000, 9)
write(
    "bomb-100000x100000.png",
    b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b""),
)

# A JPEG whose frame header declares 65500 x 65500 pixels (4.3 gigapixels).
def find_sof(jpeg: bytes) -> int:
    """Offset of the frame header (SOF0/SOF2) marker, walking the segments."""
    pos = 2
    while jpeg[pos + 1] not in (0xC0, 0xC2):
        pos += 2 + struct.unpack(">H", jpeg[pos + 2 : pos + 4])[0]
    return pos


sof = find_sof(real)
bomb = bytearray(real)
bomb[sof + 5 : sof + 9] = struct.pack(">HH", 65500, 65500)
write("bomb-65500x65500.jpg", bytes(bomb))

# EXIF whose first directory offset points far outside the block.
tiff = b"II*\0" + struct.pack("<I", 0x7FFF_FFF0) + b"\0" * 32
write("exif-offset-outside.jpg", with_segment(real, segment(0xE1, b"Exif\0\0" + tiff)))

# EXIF whose directory claims 60000 entries in a 60-byte block.
tiff = b"MM\0*" + struct.pack(">I", 8) + struct.pack(">H", 60000) + b"\0" * 50
write("exif-entry-count.jpg", with_segment(real, segment(0xE1, b"Exif\0\0" + tiff)))


def photoshop(resource_id: int, data: bytes, declared: int | None = None) -> bytes:
    size = len(data) if declared is None else declared
    return b"Photoshop 3.0\0" + b"8BIM" + struct.pack(">H", resource_id) + b"\0\0" + struct.pack(">I", size) + data


# IIM datasets with absurd lengths: extended length 0xFFFFFFF0, and a plain length past the end.
iim = b"\x1c\x01\x5a\x00\x03\x1b%G" + b"\x1c\x02\x78\x80\x04\xff\xff\xff\xf0" + b"Caption"
write("iim-huge-extended-length.jpg", with_segment(real, segment(0xED, photoshop(0x0404, iim))))
iim = b"\x1c\x02\x6e\x7f\xff" + b"Credit"
write("iim-length-past-end.jpg", with_segment(real, segment(0xED, photoshop(0x0404, iim))))
# A Photoshop resource that claims 4 GB.
write(
    "irb-huge-size.jpg",
    with_segment(real, segment(0xED, photoshop(0x0404, b"\x1c\x02\x6e\x00\x01A", declared=0xFFFF_FFF0))),
)

# A file that is HEIC by its content (only the ftyp box).
write("camera.heic", struct.pack(">I", 24) + b"ftypheic" + b"\0\0\0\0" + b"mif1heic")

# A WebP cut in the middle.
webp = (fixtures / "made" / "xmp.webp").read_bytes()
write("truncated.webp", webp[: len(webp) // 2])

# A TIFF whose first directory points to itself as the next one and declares 1e6 x 1e6 pixels.
entries = [
    (256, 4, 1, 1_000_000),  # ImageWidth
    (257, 4, 1, 1_000_000),  # ImageLength
    (258, 3, 1, 8),  # BitsPerSample
    (262, 3, 1, 1),  # PhotometricInterpretation
    (273, 4, 1, 8),  # StripOffsets
    (279, 4, 1, 16),  # StripByteCounts
]
ifd = struct.pack("<H", len(entries))
for tag, kind, count, value in entries:
    ifd += struct.pack("<HHI", tag, kind, count) + (struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value))
ifd += struct.pack("<I", 8)
write("tiff-loop-1e6x1e6.tif", b"II*\0" + struct.pack("<I", 8) + ifd)
